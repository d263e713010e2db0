package org.onboarding.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.testsupport.ChildOnboard;
import org.onboarding.testsupport.TestFeeds;

/**
 * {@code ./onboard serve} started in a folder with none of the path settings, as the README's first
 * run does: its inbox, processed and failed folders, its reports, its log and its embedded database
 * are all under the working directory, never under the embedded web server's document base.
 */
class ServeWorkingDirectoryTest {

    @TempDir
    Path workingDirectory;

    @Test
    void withoutPathSettingsTheServiceWatchesAndWritesUnderTheWorkingDirectory() throws Exception {
        TestFeeds.write();
        Path feeds = Files.createDirectories(workingDirectory.resolve("jobs"));
        Files.copy(TestFeeds.DIRECTORY.resolve("demo.json"), feeds.resolve("demo.json"));
        Path out = workingDirectory.resolve("serve.out");
        Process service = serve(out);
        try {
            Path inbox = workingDirectory.resolve("inbox").resolve("demo");
            awaitThat(() -> Files.readString(out).contains("Serving as"), out);
            assertThat(Files.readString(out)).contains("watching [" + inbox.toRealPath() + "]");

            Files.writeString(inbox.resolve("customers.csv"), "referenceId,name,accountTypeId,bvn\nCUS-1,CUS-1 Eze,1,\n");
            Path processed = workingDirectory.resolve("processed").resolve("demo");
            awaitThat(() -> listed(processed).stream().anyMatch(name -> name.startsWith("customers.exec-")), out);

            assertThat(listed(inbox)).as("nothing left in the inbox but the hidden claim folder")
                    .allSatisfy(name -> assertThat(name).isEqualTo(".processing"));
            try (Stream<Path> claimed = Files.walk(inbox.resolve(".processing"))) {
                assertThat(claimed.filter(Files::isRegularFile).toList()).as("no file left claimed").isEmpty();
            }
            assertThat(listed(workingDirectory.resolve("data"))).isNotEmpty();
            assertThat(listed(workingDirectory.resolve("reports").resolve("demo"))).isNotEmpty();
            assertThat(workingDirectory.resolve("logs").resolve("onboard.log")).exists();
        } finally {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The service in a JVM of its own, in the working directory, with no setting of the pipeline's but a free port. */
    private Process serve(Path out) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ChildOnboard.command("256m", "serve"))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("ONBOARD_") || name.startsWith("SPRING_") || name.startsWith("SERVER_"));
        environment.put("SERVER_PORT", "0");
        environment.put("ONBOARD_INBOX_QUIET_PERIOD", "0s");
        environment.put("ONBOARD_INBOX_POLL_INTERVAL", "200ms");
        return builder.start();
    }

    private static List<String> listed(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitThat(Condition condition, Path out) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as(Files.readString(out)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
