package org.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.cli.ReadOnlyCommands;
import org.onboarding.testsupport.ChildOnboard;

/**
 * A command starts the whole application from the bean definitions generated at build (the Maven
 * build's {@code process-aot}, before the tests), as {@code ./onboard} runs it in a JVM of its own:
 * the import goes through the same way, the commands that only read start their own application from
 * theirs (ReadOnlyCommandsAotProcessor), and {@code -Dspring.aot.enabled=false} is an operator's way back
 * to deciding the definitions at start. Which ones a start used is told by the classes its JVM loaded.
 */
class AheadOfTimeStartTest {

    private static final String GENERATED = OnboardingApplication.class.getName() + "__BeanFactoryRegistrations";

    /** What deciding the definitions at start loads, and a start from generated ones never does. */
    private static final String CONFIGURATION_PARSER = "org.springframework.context.annotation.ConfigurationClassParser ";

    @TempDir
    Path dir;

    @Test
    void anImportStartsFromTheDefinitionsGeneratedAtBuildAndImportsAsEver() throws Exception {
        Start start = onboard(List.of(), "import", "sample-data/demo-customers.csv");

        assertThat(start.status()).isZero();
        assertThat(start.out()).contains("COMPLETED", "created       39", "rejected      10",
                "14 created, 0 already present");
        assertThat(start.loaded()).as("classes loaded").contains(GENERATED);
    }

    /** On a fresh database too: the schema is created through the read-only commands' single connection. */
    @Test
    void theCommandsThatOnlyReadStartTheirOwnApplicationFromTheirOwnDefinitions() throws Exception {
        Start start = onboard(List.of(), "jobs");

        assertThat(start.status()).isZero();
        assertThat(start.out()).contains("No import executions.");
        assertThat(start.loaded()).doesNotContain(GENERATED).contains(ReadOnlyCommands.class.getName(),
                ReadOnlyCommandsAotProcessor.INITIALIZER).doesNotContain(CONFIGURATION_PARSER);
    }

    @Test
    void anOperatorCanChooseToDecideTheReadOnlyCommandsDefinitionsAtStart() throws Exception {
        Start start = onboard(List.of("-Dspring.aot.enabled=false"), "jobs");

        assertThat(start.status()).isZero();
        assertThat(start.out()).contains("No import executions.");
        assertThat(start.loaded()).doesNotContain(ReadOnlyCommandsAotProcessor.INITIALIZER)
                .contains(CONFIGURATION_PARSER);
    }

    @Test
    void anOperatorCanChooseToDecideThemAtStart() throws Exception {
        Start start = onboard(List.of("-Dspring.aot.enabled=false"), "import", "sample-data/demo-customers.csv");

        assertThat(start.status()).isZero();
        assertThat(start.out()).contains("COMPLETED", "created       39");
        assertThat(start.loaded()).doesNotContain(GENERATED);
    }

    private record Start(int status, String out, String loaded) {
    }

    /** The command in a JVM of its own on a fresh in-memory database, logging the classes it loads. */
    private Start onboard(List<String> options, String... args) throws Exception {
        List<String> command = new ArrayList<>(ChildOnboard.command("256m", args));
        Path loaded = dir.resolve("classes.txt");
        command.addAll(1, options);
        command.add(1, "-Xlog:class+load=info:file=" + loaded);
        Path out = dir.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:h2:mem:aot-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE");
        builder.environment().put("ONBOARD_HOME", dir.toString());
        builder.environment().put("ONBOARD_FEEDS_DIRECTORY", Path.of("jobs").toAbsolutePath().toString());
        builder.environment().put("ONBOARD_LOG_FILE", dir.resolve("onboard.log").toString());
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("./onboard ended").isTrue();
        return new Start(process.exitValue(), Files.readString(out), Files.readString(loaded));
    }
}
