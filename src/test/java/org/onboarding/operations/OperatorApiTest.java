package org.onboarding.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onboarding.job.ImportRequest;
import org.onboarding.job.ImportSummary;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.ImportScenario;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The operator API of {@code ./onboard serve} over real HTTP on loopback: the bearer token, the
 * operations and their refusals, the operator log, the address it listens on, and the health checks.
 */
@ActiveProfiles("serve")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "onboard.cli.enabled=false",
        "onboard.api.token=" + OperatorApiTest.TOKEN,
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports",
        "onboard.inbox.base-directory=target/test-api-inbox",
        "spring.datasource.url=jdbc:h2:mem:api-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class OperatorApiTest extends ImportScenario {

    static final String TOKEN = "s3cret-operator-token-of-32-chars-at-least";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theApiRefusesARequestWithoutTheRightToken() throws Exception {
        assertThat(get("/api/executions", null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get("/api/executions", "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(get("/api/executions", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theBearerSchemeIsMatchedInAnyCase() throws Exception {
        assertThat(get("/api/executions", TOKEN, "bearer").statusCode()).isEqualTo(200);
        assertThat(get("/api/executions", TOKEN, "BEARER").statusCode()).isEqualTo(200);
        assertThat(get("/api/executions", TOKEN, "Basic").statusCode()).isEqualTo(401);
    }

    @Test
    void aListingsLimitOutOfOneToAThousandIsRefused() throws Exception {
        assertThat(get("/api/executions?limit=1000", TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/executions?limit=1", TOKEN).statusCode()).isEqualTo(200);
        for (String limit : new String[] {"0", "-5", "1001", "2147483647"}) {
            HttpResponse<String> refused = get("/api/executions?limit=" + limit, TOKEN);
            assertThat(refused.statusCode()).as(limit).isEqualTo(400);
            assertThat(refused.body()).contains("limit must be 1 to 1000");
        }
    }

    @Test
    void anOperatorActionIsLoggedWithTheTokensFingerprintAndNeverTheToken() throws Exception {
        new FaultInjection(jdbc).failAt("CUS-1");
        ImportSummary failed = importFile("fails.csv", "CUS-1,Ngozi Eze,1,22100000001");
        new FaultInjection(jdbc).clear();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger operatorLog = (Logger) LoggerFactory.getLogger(OperatorLog.class);
        logged.start();
        operatorLog.addAppender(logged);
        try {
            assertThat(post("/api/executions/" + failed.executionId() + "/abandon").statusCode()).isEqualTo(200);
        } finally {
            operatorLog.detachAppender(logged);
        }
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TOKEN.getBytes(StandardCharsets.UTF_8))).substring(0, 8);

        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("token " + fingerprint).contains("execution " + failed.executionId() + " marked ABANDONED")
                .doesNotContain(TOKEN);
    }

    @Test
    void theServiceListensOnLoopbackOnly() throws Exception {
        InetAddress outward = NetworkInterface.networkInterfaces().filter(this::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElse(null);
        assumeTrue(outward != null, "this machine has an address besides loopback");

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outward, port), 2000))
                    .isInstanceOf(IOException.class);
        }
        assertThat(get("/api/executions", TOKEN).statusCode()).as("loopback answers").isEqualTo(200);
    }

    @Test
    void theServicePublishesItsImportsItemMetrics() throws Exception {
        importFile("metrics.csv", "CUS-1,Ngozi Eze,1,22100000001");

        HttpResponse<String> read = get("/actuator/metrics/spring.batch.item.read", TOKEN);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"name\":\"spring.batch.item.read\"").contains("COUNT");
        assertThat(get("/actuator/metrics/spring.batch.item.read", null).statusCode()).isEqualTo(401);
    }

    @Test
    void executionsAreListedAndShownWithTheirCountsAndAnUnknownIdIs404() throws Exception {
        ImportSummary summary = importFile("ok.csv", "CUS-1,Ngozi Eze,1,22100000001", "CUS-2,No Bvn,1,");

        HttpResponse<String> list = get("/api/executions?status=completed", TOKEN);
        HttpResponse<String> show = get("/api/executions/" + summary.executionId(), TOKEN);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":" + summary.executionId()).contains("\"status\":\"COMPLETED\"")
                .contains("\"created\":1").contains("\"rejected\":1");
        assertThat(show.statusCode()).isEqualTo(200);
        assertThat(show.body()).contains("importCustomers").contains("rejects-");
        assertThat(get("/api/executions/9999", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailedExecutionIsRestartedOverHttpAndACompletedOneIsRefused() throws Exception {
        new FaultInjection(jdbc).failAt("CUS-2");
        ImportSummary failed = importFile("fails.csv", "CUS-1,Ngozi Eze,1,22100000001", "CUS-2,Emeka Obi,1,22100000002");
        new FaultInjection(jdbc).clear();

        HttpResponse<String> restarted = post("/api/executions/" + failed.executionId() + "/restart");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from batch_job_execution where status = 'COMPLETED'", Long.class) == 1);
        HttpResponse<String> again = post("/api/executions/" + failed.executionId() + "/restart");

        assertThat(restarted.statusCode()).isIn(200, 202);
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(2);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("is not the last of job instance");
        assertThat(post("/api/executions/" + failed.executionId() + "/stop").statusCode()).isEqualTo(409);
    }

    @Test
    void anExecutionWhoseProcessDiedIsRecoveredOverHttpAndALiveLeaseIsOverriddenOnlyByForce() throws Exception {
        ImportSummary completed = importFile("done.csv", "CUS-1,Ngozi Eze,1,22100000001");
        ImportSummary held = importFile("held.csv", "CUS-2,Emeka Obi,1,22100000002");
        // As if a live process on another host still ran the second import.
        jdbc.update("update batch_job_execution set status = 'STARTED', end_time = null where job_execution_id = ?",
                held.executionId());
        jdbc.update("insert into onboard_instance (instance_id, host, pid, started_at, renewed_at, lease_millis)"
                + " values ('green-1-a', 'host-a', 41, current_timestamp, current_timestamp, 3600000)");
        jdbc.update("insert into import_lease (job_execution_id, instance_id) values (?, 'green-1-a')", held.executionId());

        HttpResponse<String> notRunning = post("/api/executions/" + completed.executionId() + "/recover");
        HttpResponse<String> refused = post("/api/executions/" + held.executionId() + "/recover");
        HttpResponse<String> forced = post("/api/executions/" + held.executionId() + "/recover?force=true");

        assertThat(notRunning.statusCode()).isEqualTo(200);
        assertThat(notRunning.body()).contains("\"recovered\":false").contains("\"status\":\"COMPLETED\"");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("held by green-1-a (pid 41 on host-a)");
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(forced.body()).contains("\"recovered\":true").contains("\"status\":\"FAILED\"")
                .contains("\"forcedFrom\":\"green-1-a\"");
        assertThat(jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                String.class, held.executionId())).isEqualTo("FAILED");
    }

    @Test
    void everyRefusalIsAProblemDetailKeepingItsReasonAsError() throws Exception {
        HttpResponse<String> unknown = get("/api/executions/9999", TOKEN);
        HttpResponse<String> badLimit = get("/api/executions?limit=0", TOKEN);
        HttpResponse<String> unauthorized = get("/api/executions", null);

        for (HttpResponse<String> refused : List.of(unknown, badLimit, unauthorized)) {
            assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(refused.body()).contains("\"status\":" + refused.statusCode());
        }
        assertThat(unknown.body()).contains("\"error\":\"no import execution 9999\"");
        assertThat(badLimit.body()).contains("\"error\":\"limit must be 1 to 1000, not 0\"")
                .contains("\"detail\":\"limit must be 1 to 1000, not 0\"");
        assertThat(unauthorized.body()).contains("\"error\":\"a valid bearer token is required\"");
    }

    @Test
    void healthIsOpenToProbesAndReportsTheDatabaseTheInboxesAndTheWebhookDispatcher() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(health.body()).contains("\"db\"").contains("\"inboxes\"").contains("\"webhooks\"");
    }

    private ImportSummary importFile(String name, String... rows) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "referenceId,name,accountTypeId,bvn\n" + String.join("\n", rows) + "\n");
        return launcher.launch(new ImportRequest(file, "demo", null, false)).summary();
    }

    private boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return get(path, token, "Bearer");
    }

    private HttpResponse<String> get(String path, String token, String scheme) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", scheme + " " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
