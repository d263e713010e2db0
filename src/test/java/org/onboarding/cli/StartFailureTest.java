package org.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onboarding.testsupport.ChildOnboard;
import org.onboarding.testsupport.TestFeeds;

/**
 * {@code ./onboard} started with a setting it cannot use, as an operator meets it: a JVM of its own
 * with the variable in its environment, its exit status and what it prints on standard error. Every
 * {@code @ConfigurationProperties} record is checked the same way, so a sample of their settings
 * (numbers, durations, fractions; nested or not) stands for all of them.
 */
class StartFailureTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void feeds() {
        TestFeeds.write();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ONBOARD_CHUNK_SIZE                 | 0    | ONBOARD_CHUNK_SIZE=0: must be at least 1",
        "ONBOARD_WRITERS                    | abc  | ONBOARD_WRITERS=abc: must be a whole number, at least 1",
        "ONBOARD_WEBHOOKS_TIMEOUT           | 0s   | ONBOARD_WEBHOOKS_TIMEOUT=0s: must be at least 1ms",
        "ONBOARD_INBOX_POLL_INTERVAL        | soon | ONBOARD_INBOX_POLL_INTERVAL=soon: must be a duration such as 500ms, 10s, 5m or 8h, at least 1ms",
        "ONBOARD_WEBHOOKS_RETRY_ATTEMPTS    | 0    | ONBOARD_WEBHOOKS_RETRY_ATTEMPTS=0: must be at least 1",
        "ONBOARD_WEBHOOKS_RETRY_JITTER      | 1.5  | ONBOARD_WEBHOOKS_RETRY_JITTER=1.5: must be at least 0 and below 1"})
    void aSettingThatCannotBeUsedStopsTheStartWithOneLineNamingItAndExitTwo(String variable, String value, String told)
            throws Exception {
        Path file = Files.writeString(dir.resolve("ok.csv"), "referenceId,name,accountTypeId,bvn\nCUS-1,Ngozi Eze,1,22100000001\n");

        ProcessResult result = onboard(variable, value, "import", file.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(result.err()).containsExactly("onboard: cannot start: " + told);
    }

    private record ProcessResult(int status, List<String> err) {
    }

    /** {@code ./onboard} in a JVM of its own, on an in-memory database, with one variable set. */
    private ProcessResult onboard(String variable, String value, String... args) throws IOException, InterruptedException {
        List<String> command = ChildOnboard.command("256m", args);
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(err.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:h2:mem:start-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE");
        builder.environment().put("ONBOARD_HOME", dir.toString());
        builder.environment().put("ONBOARD_FEEDS_DIRECTORY", TestFeeds.DIRECTORY.toAbsolutePath().toString());
        builder.environment().put("ONBOARD_LOG_FILE", dir.resolve("onboard.log").toString());
        builder.environment().put(variable, value);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("./onboard ended").isTrue();
        return new ProcessResult(process.exitValue(), Files.readAllLines(err));
    }
}
