package org.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onboarding.OnboardingApplication;
import org.onboarding.testsupport.ChildOnboard;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Help and the version answered before the application starts: the same text and exit status as the
 * started application gives, the settings read only by a help that quotes one, and every other
 * command line left to the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuickHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "help", "--help", "-h", "--version", "-V", "help import", "import --help",
            "jobs --help", "webhooks --help", "webhooks retry --help", "help webhooks list"})
    void answersAsTheStartedApplicationDoes(String line, CapturedOutput output) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Map<String, Object> settings = Map.of("onboard.writers", "3");

        OptionalInt quick = QuickHelp.answer(args, () -> environment(settings));
        String quickOut = output.getOut();
        String quickErr = output.getErr();
        int started = started(settings, args);

        assertThat(quick).as("answered before the application starts").isPresent();
        assertThat(quick.getAsInt()).isEqualTo(started);
        assertThat(quickOut + quickErr).isNotBlank();
        assertThat(output.getOut().substring(quickOut.length())).isEqualTo(quickOut);
        assertThat(output.getErr().substring(quickErr.length())).isEqualTo(quickErr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--version", "jobs --help", "--help"})
    void helpThatQuotesNoSettingReadsNone(String line) {
        Supplier<Environment> refused = () -> {
            throw new AssertionError("the settings were read");
        };

        assertThat(QuickHelp.answer(line.split(" "), refused)).isPresent();
    }

    /**
     * Help and the version, in a JVM of their own, load no logging library: starting Logback was a fifth
     * of their time, for a logger only a failed command uses.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--version", "help"})
    void helpAndTheVersionStartNoLogging(String line) throws Exception {
        List<String> command = new ArrayList<>(ChildOnboard.command("64m", line));
        command.add(1, "-verbose:class");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String loaded = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(loaded).contains("org.onboarding.cli.QuickHelp").doesNotContain("ch.qos.logback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"import --help", "help import"})
    void theImportHelpQuotesTheWritersThisRunWouldUse(String line, CapturedOutput output) {
        QuickHelp.answer(line.split(" "), () -> environment(Map.of("onboard.writers", "5")));

        assertThat(output.getOut().replaceAll("\\s+", " ")).contains("(default: 5, the setting ONBOARD_WRITERS)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jobs", "import customers.csv", "jobs --limit nope", "nonsense", "show 1 --help-me"})
    void leavesEverythingElseToTheApplication(String line, CapturedOutput output) {
        assertThat(QuickHelp.answer(line.split(" "), () -> environment(Map.of()))).isEmpty();
        assertThat(output.getAll()).isEmpty();
    }

    /** Told from the words alone, so that a command to run does not build the command line twice. */
    @ParameterizedTest
    @ValueSource(strings = {"jobs", "import customers.csv", "import --writers 1 customers.csv", "show 1 --help-me",
            "webhooks list --status failed", "nonsense", "import -w2 customers.csv", "restart 7"})
    void aCommandToRunIsToldFromItsWordsAlone(String line) {
        assertThat(QuickHelp.mayAskForHelp(line.split(" "))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h", "--version", "-V", "help import", "import --help",
            "webhooks retry --help", "jobs -hV", "import @arguments.txt", "import --help=true", "show 1 -Vh"})
    void whatMightAskForHelpIsAskedOfTheCommandLine(String line) {
        assertThat(QuickHelp.mayAskForHelp(line.split(" "))).isTrue();
        assertThat(QuickHelp.mayAskForHelp()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"import --help"})
    void anUnusableSettingIsLeftToTheApplicationToRefuse(String line) {
        assertThat(QuickHelp.answer(line.split(" "), () -> environment(Map.of("onboard.writers", "many")))).isEmpty();
    }

    private static Environment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }

    private static int started(Map<String, Object> settings, String... args) {
        StandardEnvironment environment = (StandardEnvironment) environment(settings);
        environment.getPropertySources().addFirst(new MapPropertySource("database", Map.of("spring.datasource.url",
                "jdbc:h2:mem:help-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")));
        return SpringApplication.exit(new SpringApplicationBuilder(OnboardingApplication.class).environment(environment)
                .run(args));
    }
}
