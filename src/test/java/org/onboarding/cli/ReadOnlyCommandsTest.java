package org.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onboarding.OnboardingApplication;
import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.Postgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The commands that only read start an application of their own ({@link ReadOnlyCommands}): told
 * from the command line as picocli parses it, and, on the embedded database and on PostgreSQL, printing
 * exactly what the whole application prints for the same command, with the same exit status, and
 * starting none of the import's or the service's machinery.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadOnlyCommandsTest {

    /** What an operator reads after the demo import: present, absent, filtered, and mistakes of every kind. */
    private static final List<String> READS = List.of("jobs", "jobs --status failed", "jobs --feed demo --limit 1",
            "show 1", "show 99", "webhooks list", "webhooks list --status pending --limit 3",
            "webhooks list --feed demo --type reserve_virtual_account.success", "webhooks list --feed nope",
            "jobs --limit nope", "jobs --limit 0", "jobs extra", "show", "show one", "webhooks list --status lost");

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"jobs", "jobs --status failed --feed demo --limit 3", "show 1", "webhooks list",
            "webhooks list --status pending --limit 2", "jobs --limit nope", "show", "webhooks list --status lost"})
    void theCommandsThatOnlyReadAreToldFromTheCommandLineMistakesIncluded(String line) {
        assertThat(ReadOnlyCommands.ask(line.split(" "))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "import customers.csv", "serve", "restart 1", "stop 1", "abandon 1", "recover 1",
            "webhooks", "webhooks deliver", "webhooks endpoints", "sample 10 out.csv", "Jobs", "job", "list",
            "webhooks List", "nonsense", "nonsense jobs", "--jobs"})
    void everyOtherCommandLineStartsTheWholeApplication(String line) {
        assertThat(ReadOnlyCommands.ask(line.isEmpty() ? new String[0] : line.split(" "))).isFalse();
    }

    @Test
    void onTheEmbeddedDatabaseTheyPrintWhatTheWholeApplicationPrints(CapturedOutput output) {
        theyPrintWhatTheWholeApplicationPrints(Map.of("spring.datasource.url", "jdbc:h2:mem:read-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"),
                output);
    }

    @Test
    @EnabledIfPostgres
    void onPostgresTheyPrintWhatTheWholeApplicationPrints(CapturedOutput output) {
        theyPrintWhatTheWholeApplicationPrints(Map.of("spring.datasource.url", Postgres.emptySchemaUrl("onboard_read_only"),
                "spring.datasource.username", Postgres.USER, "spring.datasource.password", Postgres.PASSWORD), output);
    }

    /** The first command on an empty schema creates it, through the read-only commands' single connection. */
    @Test
    @EnabledIfPostgres
    void onAnEmptyPostgresSchemaTheFirstReadCreatesTheSchema(CapturedOutput output) {
        Map<String, Object> settings = Map.of("spring.datasource.url", Postgres.emptySchemaUrl("onboard_read_first"),
                "spring.datasource.username", Postgres.USER, "spring.datasource.password", Postgres.PASSWORD,
                "onboard.home", home.toString());

        Run jobs = run(ReadOnlyCommands.class, settings, output, "jobs");
        Run again = run(ReadOnlyCommands.class, settings, output, "webhooks", "list");

        assertThat(jobs.exit()).isZero();
        assertThat(jobs.seen().out()).contains("No import executions.");
        assertThat(again.exit()).isZero();
        assertThat(again.seen().err()).isEmpty();
    }

    private void theyPrintWhatTheWholeApplicationPrints(Map<String, Object> database, CapturedOutput output) {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("onboard.home", home.toString());
        settings.put("onboard.feeds-directory", Path.of("jobs").toAbsolutePath().toString());
        assertThat(run(OnboardingApplication.class, settings, output, "import", "sample-data/demo-customers.csv")
                .exit()).isZero();

        for (String line : READS) {
            Run whole = run(OnboardingApplication.class, settings, output, line.split(" "));
            Run reading = run(ReadOnlyCommands.class, settings, output, line.split(" "));

            assertThat(reading.seen()).as(line).isEqualTo(whole.seen());
            assertThat(reading.seen().out() + reading.seen().err()).as(line).isNotBlank();
            assertThat(reading.beans()).as("beans built for %s", line).isLessThan(whole.beans() / 2);
        }
        assertThat(output.getOut()).contains("demo-customers.csv", "reserve_virtual_account.success", "Execution 1");
    }

    /** One start of an application for a command line: what an operator sees of it, and how many beans it built. */
    private static Run run(Class<?> application, Map<String, Object> settings, CapturedOutput output, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        int out = output.getOut().length();
        int err = output.getErr().length();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).environment(environment)
                .run(args);
        int beans = context.getBeanDefinitionCount();
        int exit = SpringApplication.exit(context);
        return new Run(new Seen(exit, output.getOut().substring(out), output.getErr().substring(err)), beans);
    }

    private record Seen(int exit, String out, String err) {
    }

    private record Run(Seen seen, int beans) {

        int exit() {
            return seen.exit();
        }
    }
}
