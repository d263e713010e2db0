package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onboarding.file.RowPartition;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.ImportScenario;
import org.onboarding.testsupport.PostgresOnboardingTest;
import org.onboarding.testsupport.TableSnapshot;
import org.springframework.batch.core.BatchStatus;

/**
 * Two writers importing one file side by side on PostgreSQL: the file is split only when its
 * rows cannot affect each other across parts, the result is exactly that of one writer in file
 * order, the skip limit counts every part's rejects, and a restart resumes each part where it
 * stopped. Chunks are 4 rows, so every part spans several chunks.
 */
@PostgresOnboardingTest
class PostgresParallelImportTest extends ImportScenario {

    @Test
    void aFileWhoseRowsAreIndependentIsSplitAndEndsExactlyAsInFileOrder() throws Exception {
        Path file = file("independent.csv", independentRows());

        ImportSummary inOrder = run(file, 1);
        long inOrderParts = parts(inOrder);
        TableSnapshot oneWriter = TableSnapshot.of(jdbc);
        Databases.reset(jdbc);
        ImportSummary split = run(file, 2);

        assertThat(inOrderParts).isEqualTo(1);
        assertThat(parts(split)).isEqualTo(2);
        assertThat(split.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(split.counts()).isEqualTo(inOrder.counts());
        assertThat(split.rowsRead()).isEqualTo(40);
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(oneWriter);
        assertThat(oneWriter.warnings()).hasSize(2);
        assertThat(oneWriter.rejects()).isNotEmpty();
    }

    @Test
    void connectsOfASplitFileLinkInFileOrderExactlyAsWithOneWriter() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String connects = i <= 4 ? "" : "CUS-" + (i % 4 + 1) + ":SHAREHOLDER|CUS-" + (41 - i) + ":BANK_ACCOUNT";
            rows.add("CUS-" + i + ",Customer " + i + ",1," + bvn(i) + ",,,,,,,," + connects);
        }
        Path file = file("connects.csv", rows);

        ImportSummary inOrder = run(file, 1);
        TableSnapshot oneWriter = TableSnapshot.of(jdbc);
        Databases.reset(jdbc);
        ImportSummary split = run(file, 2);

        assertThat(parts(split)).isEqualTo(2);
        assertThat(oneWriter.connections()).hasSize(72);
        assertThat(split.counts()).isEqualTo(inOrder.counts());
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(oneWriter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a BVN                | 22199999999,                   | 22199999999,                   | bvn 221******99",
        "an email, in any case | 22199999998,Shared@Example.com | 22199999999,shared@example.COM | email s***@example.com"})
    void anIdentityCarriedByRowsOfTwoPartsKeepsTheFileInOneWriterSoTheEarlierRowHoldsIt(String identity,
            String holderBvnAndEmail, String claimantBvnAndEmail, String maskedIdentity) throws Exception {
        List<String> rows = independentRows();
        String[] pair = referenceIdsInDifferentParts();
        rows.add(pair[0] + ",First Holder,1," + holderBvnAndEmail + ",,,,,,,");
        rows.add(pair[1] + ",Second Claimant,1," + claimantBvnAndEmail + ",,,,,,,");

        ImportSummary summary = run(file("shared.csv", rows), 2);

        assertOneWriterRejecting(summary, pair[1], maskedIdentity + " already belongs to referenceId " + pair[0]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a BVN                  | 22199999999,,            | 22199999999,,                  | bvn 221******99",
        "a phone, in any format | 22199999998,,08031234567 | 22199999999,,+234 803 123 4567 | phone +23*********67"})
    void anIdentityHeldInTheDatabaseByACustomerOfAnotherPartKeepsTheFileInOneWriter(String identity,
            String holderIdentities, String claimantIdentities, String maskedIdentity) throws Exception {
        String[] pair = referenceIdsInDifferentParts();
        run(file("first.csv", List.of(pair[0] + ",Holder,1," + holderIdentities + ",,,,,,")), 2);
        List<String> rows = independentRows();
        rows.add(pair[1] + ",Claimant,1," + claimantIdentities + ",,,,,,");

        ImportSummary summary = run(file("second.csv", rows), 2);

        assertThat(summary.counts().rejected()).isEqualTo(independentRowsRejected() + 1);
        assertOneWriterRejecting(summary, pair[1], maskedIdentity + " already belongs to referenceId " + pair[0]);
    }

    @Test
    void theSkipLimitCountsTheRejectsOfEveryPart() throws Exception {
        // Three nameless rows, two in one part and one in the other: neither part passes the limit of 2 alone.
        int[] rejectedInPart = new int[2];
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            int part = RowPartition.of("CUS-" + i, 2);
            boolean reject = i > 20 && rejectedInPart[part] < 2 - part;
            rejectedInPart[part] += reject ? 1 : 0;
            rows.add("CUS-" + i + "," + (reject ? "" : "Customer " + i) + ",1," + bvn(i) + ",,,,,,,,");
        }

        ImportSummary summary = launcher.launch(new ImportRequest(file("tight.csv", rows), "tight", null, false, 2))
                .summary();

        assertThat(rejectedInPart).containsExactly(2, 1);
        assertThat(parts(summary)).isEqualTo(2);
        assertThat(summary.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(summary.failure()).contains("skip limit of 2");
    }

    @Test
    void theSkipLimitStillCountsTheRejectsOfAPartThatCompletedBeforeARestart() throws Exception {
        // Part 0 rejects two rows early; part 1 fails on its next-to-last row and rejects its last.
        List<String> rows = new ArrayList<>();
        List<Integer> partOne = new ArrayList<>();
        int rejectedInPartZero = 0;
        for (int i = 1; i <= 40; i++) {
            boolean inPartZero = RowPartition.of("CUS-" + i, 2) == 0;
            boolean reject = inPartZero && rejectedInPartZero < 2;
            rejectedInPartZero += reject ? 1 : 0;
            if (!inPartZero) {
                partOne.add(i);
            }
            rows.add("CUS-" + i + ",Customer " + i + ",1," + bvn(i) + ",,,,,,,,");
            if (reject) {
                rows.set(rows.size() - 1, "CUS-" + i + ",,1," + bvn(i) + ",,,,,,,,");
            }
        }
        int last = partOne.get(partOne.size() - 1);
        rows.set(last - 1, "CUS-" + last + ",,1," + bvn(last) + ",,,,,,,,");
        new FaultInjection(jdbc).failAt("CUS-" + partOne.get(partOne.size() - 2));
        Path file = file("tight-restart.csv", rows);

        ImportSummary failed = launcher.launch(new ImportRequest(file, "tight", null, false, 2)).summary();
        new FaultInjection(jdbc).clear();
        ImportSummary restarted = launcher.launch(new ImportRequest(file, "tight", null, false, 2)).summary();

        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.failure()).contains("injected fault");
        assertThat(restarted.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.failure()).contains("skip limit of 2");
    }

    @Test
    void aFailedSplitImportRestartsEachPartFromItsLastCommittedChunkAndEndsAsInFileOrder() throws Exception {
        Path file = file("restart.csv", independentRows());
        ImportSummary uninterrupted = run(file, 1);
        TableSnapshot expected = TableSnapshot.of(jdbc);
        Databases.reset(jdbc);

        new FaultInjection(jdbc).failAt("CUS-34");
        ImportSummary failed = run(file, 2);
        long customersAtFailure = jdbc.queryForObject("select count(*) from customer", Long.class);
        new FaultInjection(jdbc).clear();
        ImportSummary restarted = run(file, 2);

        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.failure()).contains("injected fault writing CUS-34");
        assertThat(customersAtFailure).isLessThan(expected.customers().size());
        assertThat(restarted.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.jobInstanceId()).isEqualTo(failed.jobInstanceId());
        assertThat(parts(restarted)).isEqualTo(2);
        assertThat(restarted.rowsRead()).isEqualTo(40);
        assertThat(restarted.rowsThisRun()).isLessThan(40);
        assertThat(restarted.counts()).isEqualTo(uninterrupted.counts());
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(expected);
    }

    /**
     * 40 rows with distinct BVNs: two referenceIds repeated (each customer's rows stay in one
     * part, in file order), and a few invalid rows.
     */
    private static List<String> independentRows() {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 38; i++) {
            String name = i % 11 == 0 ? "" : "Customer " + i;
            rows.add("CUS-" + i + "," + name + "," + (i % 5 == 0 ? 2 : 1) + "," + bvn(i)
                    + ",c" + i + "@example.com,,,,Trader,1990-01-0" + (1 + i % 9) + ",Lagos,");
        }
        rows.add("CUS-3,Customer 3 Renamed,1," + bvn(3) + ",,,,,Banker,,,");
        rows.add("CUS-4,Customer 4 Renamed,1," + bvn(4) + ",,,,,,,Abuja,");
        return rows;
    }

    private static long independentRowsRejected() {
        return 3;
    }

    private static String bvn(int i) {
        return String.format("221%08d", i);
    }

    /** Two referenceIds that fall in different parts of a file split in two. */
    private static String[] referenceIdsInDifferentParts() {
        String first = "PAIR-1";
        for (int i = 2; ; i++) {
            String second = "PAIR-" + i;
            if (RowPartition.of(second, 2) != RowPartition.of(first, 2)) {
                return new String[] {first, second};
            }
        }
    }

    private ImportSummary run(Path file, int writers) throws Exception {
        return launcher.launch(new ImportRequest(file, "demo", null, false, writers)).summary();
    }

    private long parts(ImportSummary summary) {
        return jdbc.queryForObject("""
                select count(distinct step_name) from batch_step_execution s
                join batch_job_execution e on e.job_execution_id = s.job_execution_id
                where e.job_instance_id = ? and s.step_name like 'customerPart:%'""", Long.class,
                summary.jobInstanceId());
    }

    private Path file(String name, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(rows);
        return Files.write(dir.resolve(name), lines);
    }

    /** The file was kept in one writer, and the row claiming an identity an earlier row holds was rejected for it. */
    private void assertOneWriterRejecting(ImportSummary summary, String claimant, String reason) {
        assertThat(parts(summary)).isEqualTo(1);
        assertThat(jdbc.queryForList("select reason from import_reject where reference_id = ?", String.class, claimant))
                .containsExactly(reason);
    }
}
