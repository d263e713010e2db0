package org.onboarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.testsupport.ChildOnboard;

/**
 * A guessable operator token never serves: {@code ./onboard serve} with an {@code ONBOARD_API_TOKEN}
 * shorter than 32 characters stops at start with one line that names the variable, not its value, and exit 2.
 */
class ApiTokenSettingTest {

    @TempDir
    Path dir;

    @Test
    void aShortTokenStopsTheStartInOneLineWithoutTellingTheToken() throws Exception {
        Path out = dir.resolve("serve.out");
        ProcessBuilder builder = new ProcessBuilder(ChildOnboard.command("256m", "serve"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ONBOARD_") || name.startsWith("SPRING_"));
        builder.environment().put("ONBOARD_FEEDS_DIRECTORY", Path.of("target", "test-feeds").toAbsolutePath().toString());
        builder.environment().put("ONBOARD_API_TOKEN", "short-secret-token");
        builder.environment().put("SERVER_PORT", "0");
        Process service = builder.start();
        boolean ended = service.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            service.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(out);

        assertThat(ended).as("the service refused to start").isTrue();
        assertThat(service.exitValue()).isEqualTo(2);
        assertThat(lines).containsExactly(
                "onboard: cannot start: ONBOARD_API_TOKEN: must be at least 32 characters, not 18 (e.g. 32 random bytes in hex)");
    }
}
