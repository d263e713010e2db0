package org.onboarding.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onboarding.job.ImportRequest;
import org.onboarding.job.ImportSummary;
import org.onboarding.testsupport.Chromium;
import org.onboarding.testsupport.CustomerWriteGate;
import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.ImportScenario;
import org.onboarding.testsupport.PostgresDataSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The operator console in a real browser (Debian's headless Chromium) against {@code serve} on
 * PostgreSQL: signing in with the token, the imports and why their rows were rejected, restarting a
 * failed import and stopping a running one from their pages, retrying a dead letter, and the refusals
 * (no sign-in, no CSRF token, a hostile cell). Each test leaves a screenshot in
 * {@code target/console-screenshots/}.
 */
@EnabledIfPostgres
@ActiveProfiles("serve")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "onboard.cli.enabled=false",
        "onboard.chunk-size=4",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports",
        "onboard.inbox.base-directory=target/console-inbox",
        "onboard.api.token=" + PostgresConsoleBrowserTest.TOKEN})
@ContextConfiguration(initializers = PostgresDataSource.class)
class PostgresConsoleBrowserTest extends ImportScenario {

    static final String TOKEN = "console-operator-token-of-32-chars-at-least";
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void openBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.get(requests().url("/sign-in"));
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void noGate() {
        CustomerWriteGate.remove(jdbc);
    }

    @Test
    void anOperatorSignsInAndSeesEachImportAndWhyItsRowsWereRejectedWithFileTextShownAsText() throws Exception {
        ImportSummary completed = importFile("completed.csv", "CUS-1,Ngozi Eze,1,22100000001",
                "CUS-2,\"" + HOSTILE + "\",1,123", "CUS-3,,1,");
        ImportSummary failed = failedImport("failed.csv");

        browser.get(requests().url("/"));
        assertThat(browser.getCurrentUrl()).as("nothing before sign-in").endsWith("/sign-in");
        Chromium.screenshot(browser, "sign-in");
        signIn(TOKEN);

        assertThat(browser.getCurrentUrl()).doesNotContain(TOKEN);
        assertThat(text("main")).contains("completed.csv").contains("failed.csv").contains("COMPLETED").contains("FAILED");
        Chromium.screenshot(browser, "imports");

        follow(By.linkText("completed.csv"));
        assertThat(browser.getCurrentUrl()).endsWith("/imports/" + completed.executionId());
        String rejectChart = "section[aria-labelledby=rejects-heading] figure.chart";
        assertThat(browser.findElements(By.cssSelector(rejectChart + " svg rect"))).as("the reject chart's bars").hasSize(2);
        assertThat(text(rejectChart)).contains("bvn").contains("name");
        WebElement rejects = browser.findElement(By.cssSelector("table.rejects"));
        assertThat(rejects.getText()).contains(HOSTILE).contains("CUS-2");
        assertThat(browser.findElements(By.cssSelector("main img"))).as("a cell's markup is never markup").isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.partialLinkText("reject report")).getAttribute("href"))
                .endsWith("/imports/" + completed.executionId() + "/report");
        Chromium.screenshot(browser, "import");
        new Actions(browser).scrollToElement(browser.findElement(By.id("warnings-heading"))).perform();
        Chromium.screenshot(browser, "import-rejects");

        browser.get(requests().url("/?status=failed"));
        assertThat(text("table.imports")).contains("failed.csv").doesNotContain("completed.csv");
        assertThat(failed.status().name()).isEqualTo("FAILED");
    }

    @Test
    void aFailedImportIsRestartedWithItsButtonAndCompletesUnderTheOperatorsEyes() throws Exception {
        ImportSummary failed = failedImport("failed.csv");
        signIn(TOKEN);
        follow(By.linkText("failed.csv"));
        assertThat(text("#import-status")).isEqualTo("FAILED");
        assertThat(text("dl.summary")).contains("Why it failed").contains("injected fault writing CUS-12");

        follow(By.xpath("//button[normalize-space()='Restart']"));

        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(By.id("import-status"), "COMPLETED"));
        long restarted = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);
        assertThat(restarted).isGreaterThan(failed.executionId());
        assertThat(browser.getCurrentUrl()).as("the restart's own page").endsWith("/imports/" + restarted);
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(2);
        Chromium.screenshot(browser, "restarted");
    }

    @Test
    void aRunningImportShowsItsProgressAndIsStoppedFromItsPage() throws Exception {
        CustomerWriteGate.install(jdbc);
        String[] rows = new String[12];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "CUS-" + (i + 1) + ",Customer " + (i + 1) + ",1,221000000" + String.format("%02d", i + 1);
        }
        CompletableFuture<ImportSummary> running;
        try (CustomerWriteGate held = CustomerWriteGate.shut(dataSource)) {
            running = CompletableFuture.supplyAsync(() -> {
                try {
                    return importFile("running.csv", rows);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                    "select count(*) from batch_step_execution where status = 'STARTED' and step_name like 'importCustomers%'",
                    Long.class) > 0);
            signIn(TOKEN);
            assertThat(browser.findElements(By.cssSelector("table.imports [data-progress-id] progress"))).hasSize(1);
            follow(By.linkText("running.csv"));
            assertThat(browser.findElements(By.cssSelector("main progress"))).hasSize(1);
            assertThat(text(".progress-text")).contains(" of 12 rows (").contains("rows/s");
            assertThat(text("#import-status")).isEqualTo("STARTED");

            follow(By.xpath("//button[normalize-space()='Stop']"));
            assertThat(text(".outcome")).contains("asked to stop");
            Chromium.screenshot(browser, "stopping");
        }
        // The held chunk commits, the import stops at that boundary, and the page follows without a reload.
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(By.id("import-status"), "STOPPED"));
        assertThat(running.get().status().name()).isEqualTo("STOPPED");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Restart']"))).hasSize(1);
        Chromium.screenshot(browser, "stopped");
    }

    @Test
    void aFailedImportIsAbandonedAfterItsConfirmationAndADeadProcesssImportRecovered() throws Exception {
        ImportSummary failed = failedImport("failed.csv");
        ImportSummary died = importFile("died.csv", "CUS-21,Chidi Nwosu,1,22100000021");
        // As a process killed with -9 an hour ago leaves its import: marked running, with nobody holding it.
        jdbc.update("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null,"
                + " create_time = create_time - interval '1 hour', start_time = start_time - interval '1 hour',"
                + " last_updated = last_updated - interval '1 hour' where job_execution_id = ?", died.executionId());
        signIn(TOKEN);

        browser.get(requests().url("/imports/" + failed.executionId()));
        follow(By.linkText("Abandon…"));
        assertThat(text("main")).contains("is for good").contains("counts as imported");
        follow(By.xpath("//button[normalize-space()='Abandon for good']"));
        assertThat(text("#import-status")).isEqualTo("ABANDONED");
        assertThat(text(".outcome")).contains("will not be restarted");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Restart']"))).isEmpty();

        browser.get(requests().url("/imports/" + died.executionId()));
        follow(By.xpath("//button[normalize-space()='Recover']"));
        assertThat(text(".outcome")).contains("FAILED");
        assertThat(text("#import-status")).isEqualTo("FAILED");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Restart']"))).hasSize(1);
        Chromium.screenshot(browser, "recovered");
    }

    @Test
    void aDeadLetterIsRetriedFromTheWebhooksPage() throws Exception {
        importFile("events.csv", "CUS-1,Ngozi Eze,1,22100000001", "CUS-2,Emeka Obi,1,22100000002");
        int deadLetters = jdbc.update("update webhook_event set status = 'FAILED', attempts = 8, last_error = 'HTTP 500'");
        assertThat(deadLetters).as("the import queued events").isGreaterThanOrEqualTo(2);
        signIn(TOKEN);

        follow(By.linkText("Webhooks"));
        assertThat(browser.findElements(By.cssSelector("table.dead-letters tbody tr"))).hasSize(deadLetters);
        follow(browser.findElements(By.xpath("//table[contains(@class,'dead-letters')]//button[normalize-space()='Retry']")).get(0));

        assertThat(text(".outcome")).contains("Re-queued 1 failed event");
        assertThat(jdbc.queryForObject("select count(*) from webhook_event where status = 'FAILED'", Long.class))
                .isEqualTo(deadLetters - 1);
        assertThat(browser.findElements(By.cssSelector("table.dead-letters tbody tr"))).hasSize(deadLetters - 1);
        Chromium.screenshot(browser, "webhooks");
    }

    @Test
    void theHistoryAndInboxPagesChartWhatRan() throws Exception {
        importFile("today.csv", "CUS-1,Ngozi Eze,1,22100000001", "CUS-2,No Bvn,1,123");
        signIn(TOKEN);

        follow(By.linkText("History"));
        assertThat(browser.findElements(By.cssSelector("figure.chart svg"))).hasSize(3);
        assertThat(text("main")).contains("today.csv");
        Chromium.screenshot(browser, "history");

        follow(By.linkText("Inboxes and schedules"));
        assertThat(text("main")).contains("Feed demo");
        Chromium.screenshot(browser, "inboxes");

        follow(By.xpath("//button[normalize-space()='Sign out']"));
        assertThat(text("main")).contains("Signed out.");
        browser.get(requests().url("/history"));
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
    }

    @Test
    void theConsoleRefusesAWrongTokenNoSessionAndAChangeWithoutItsCsrfToken() throws Exception {
        ImportSummary failed = failedImport("failed.csv");
        signIn("not-the-operator-token-but-long-enough-anyway");
        assertThat(text("main")).contains("That is not the operator token.");

        HttpClient anonymous = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = anonymous.send(requests().get("/imports/" + failed.executionId()), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/sign-in");
        assertThat(anonymous.send(requests().get("/imports/progress?ids=" + failed.executionId()), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(302);

        HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String signInForm = signedIn.send(requests().get("/sign-in"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> signInAnswer = signedIn.send(requests().post("/sign-in", "_csrf=" + ConsoleRequests.csrf(signInForm) + "&token="
                + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(signInAnswer.headers().firstValue("Location")).get().asString().endsWith("/");
        assertThat(signInAnswer.headers().allValues("Set-Cookie")).singleElement().asString()
                .contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        HttpClient behindTls = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String tlsForm = behindTls.send(requests().get("/sign-in"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> tlsAnswer = behindTls.send(HttpRequest.newBuilder(URI.create(requests().url("/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + ConsoleRequests.csrf(tlsForm) + "&token="
                        + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tlsAnswer.headers().allValues("Set-Cookie")).as("a proxy on loopback said the request came over TLS")
                .singleElement().asString().contains("Secure");

        HttpResponse<String> forged = signedIn.send(requests().post("/imports/" + failed.executionId() + "/restart", ""),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        String importPage = signedIn.send(requests().get("/imports/" + failed.executionId()), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(importPage).contains("Restart");
        HttpResponse<String> wrongToken = signedIn.send(requests().post("/imports/" + failed.executionId() + "/restart",
                "_csrf=" + ConsoleRequests.csrf(importPage).substring(1) + "x"), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class))
                .as("nothing was restarted").isEqualTo(1);

        ImportSummary rejected = importFile("rejected.csv", "CUS-31,Ngozi Eze,1,22100000031", "CUS-32,,1,22100000032");
        HttpResponse<String> report = signedIn.send(requests().get("/imports/" + rejected.executionId() + "/report"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment").contains("rejects-");
        assertThat(report.body()).contains("CUS-32").doesNotContain("CUS-31");
    }

    private ImportSummary importFile(String name, String... rows) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "referenceId,name,accountTypeId,bvn\n" + String.join("\n", rows) + "\n");
        return launcher.launch(new ImportRequest(file, "demo", null, false)).summary();
    }

    private ImportSummary failedImport(String name) throws Exception {
        new FaultInjection(jdbc).failAt("CUS-12");
        try {
            return importFile(name, "CUS-11,Ada Obi,1,22100000011", "CUS-12,Bola Ade,1,22100000012");
        } finally {
            new FaultInjection(jdbc).clear();
        }
    }

    private void signIn(String token) {
        browser.get(requests().url("/sign-in"));
        WebElement field = browser.findElement(By.cssSelector("input[type=password]"));
        assertThat(browser.findElement(By.cssSelector("label[for=" + field.getAttribute("id") + "]")).getText())
                .isEqualTo("Operator token");
        field.sendKeys(token);
        follow(By.xpath("//button[normalize-space()='Sign in']"));
    }

    /** Clicks what leads to another page, and waits until the browser has left this one. */
    private void follow(By target) {
        follow(browser.findElement(target));
    }

    private void follow(WebElement target) {
        WebElement page = browser.findElement(By.tagName("html"));
        target.click();
        // Mid-navigation the old page's node may be neither live nor reported stale yet: ask again.
        new WebDriverWait(browser, PATIENCE).ignoring(WebDriverException.class).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException left) {
                return true;
            }
        });
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private ConsoleRequests requests() {
        return new ConsoleRequests(port);
    }
}
