package org.onboarding.rejects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onboarding.job.ImportRequest;
import org.onboarding.job.ImportSummary;
import org.onboarding.testsupport.H2OnboardingTest;
import org.onboarding.testsupport.ImportScenario;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reject report's file against real rejects on the embedded database: a new report never takes
 * a name another file has, and rewriting a report replaces that one file only.
 */
@H2OnboardingTest
class H2RejectReportTest extends ImportScenario {

    private static final List<String> HEADER_NAMES = List.of(HEADER.split(","));

    @Autowired
    RejectStore rejects;

    @Test
    void aNewReportTakesTheNextFreeNameAndLeavesTheOthersAsTheyWere() throws Exception {
        long instance = importTenRows().jobInstanceId();
        Path taken = Files.writeString(dir.resolve("rejects-1.csv"), "another import's report");
        Files.writeString(dir.resolve("rejects-1.copy-2.csv"), "a third import's report");

        Path written = new RejectReport(rejects).writeNew(instance, HEADER_NAMES, 0, taken);

        assertThat(written).isEqualTo(dir.resolve("rejects-1.copy-3.csv"));
        assertThat(taken).hasContent("another import's report");
        assertThat(dir.resolve("rejects-1.copy-2.csv")).hasContent("a third import's report");
        assertThat(Files.readString(written, StandardCharsets.UTF_8)).contains("\"3\",\"CUS-2\",\"row\"");
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void rewritingAnImportsOwnReportReplacesIt() throws Exception {
        long instance = importTenRows().jobInstanceId();
        RejectReport report = new RejectReport(rejects);
        Path own = report.writeNew(instance, HEADER_NAMES, 0, dir.resolve("rejects-7.csv"));
        Files.writeString(own, "cut short by a crash");

        report.rewrite(instance, HEADER_NAMES, 0, own);

        assertThat(own).isEqualTo(dir.resolve("rejects-7.csv"));
        assertThat(Files.readAllLines(own, StandardCharsets.UTF_8)).hasSize(4)
                .anyMatch(line -> line.startsWith("\"3\",\"CUS-2\",\"row\""));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith("rejects-"))).hasSize(1);
        }
    }

    private ImportSummary importTenRows() throws Exception {
        Path file = Files.writeString(dir.resolve("ten.csv"), HEADER + "\n" + String.join("\n", TEN_ROWS) + "\n");
        return launcher.launch(new ImportRequest(file, "demo", null, false)).summary();
    }
}
