package org.onboarding.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver ({@code apt-get install chromium
 * chromium-driver}, which {@code .ci/run} does): nothing downloaded at test time. Where they are missing
 * the browser tests are skipped, and fail instead when {@code ONBOARD_REQUIRE_CHROMIUM=true} (CI).
 */
public final class Chromium {

    public static final Path BROWSER = Path.of(System.getenv().getOrDefault("ONBOARD_TEST_CHROMIUM", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getenv().getOrDefault("ONBOARD_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Where the tests leave their screenshots; the README shows copies of them from docs/console/. */
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private Chromium() {
    }

    /** A new headless browser, or the test skipped (or failed, where required) when there is none. */
    public static WebDriver start() {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && Boolean.parseBoolean(System.getenv("ONBOARD_REQUIRE_CHROMIUM"))) {
            throw new IllegalStateException("Chromium is required (ONBOARD_REQUIRE_CHROMIUM=true) but " + BROWSER
                    + " or " + DRIVER + " is missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(present, "no " + BROWSER + " and " + DRIVER + ": apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1360,1000",
                "--lang=en-GB", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as {@code target/console-screenshots/<name>.png}. */
    public static Path screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
