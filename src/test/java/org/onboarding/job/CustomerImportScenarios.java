package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onboarding.file.UnimportableFileException;
import org.onboarding.imports.ConnectionCounts;
import org.onboarding.imports.ImportCounts;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.ImportScenario;
import org.onboarding.testsupport.TableSnapshot;
import org.springframework.batch.core.BatchStatus;

/**
 * The import job end to end: real files, the real job, a real database. Run once on the embedded
 * H2 default and once on PostgreSQL by the subclasses. Chunks are 4 rows, so every file here
 * spans several chunks and their boundaries.
 */
abstract class CustomerImportScenarios extends ImportScenario {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.batch.core.launch.JobOperator jobOperator;

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.batch.core.job.Job customerImportJob;


    @Test
    void importsValidRowsAndRejectsInvalidOnesWithEveryReason() throws Exception {
        Path file = csv("customers.csv",
                "CUS-1,Adébáyọ̀ Okonkwo,1,22100000001,Ada@Example.com,08031234567,nin,70000000001,Trader,1990-04-01,Lagos,",
                "COMP-1,\"Eze, Nwosu & Partners\",2,22100000002,info@eze.ng,,,,,,Abuja FCT,",
                "CUS-2,Bad Email And Bvn,1,221000003,ada@@example,,,,,,,",
                "CUS-3,Excel Mangled,1,2.21E+10,,,,,,,,",
                "CUS-4,Wrong Type,3,22100000004,,,,,,,,",
                "CUS-5,No Number,1,22100000005,,,nin,,,,,",
                "CUS-6,Bad Date,1,22100000006,,,,,,31/02/1990,,");

        ImportSummary summary = run(file, "demo").summary();

        assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary.rowsRead()).isEqualTo(7);
        assertThat(summary.counts().created()).isEqualTo(2);
        assertThat(summary.counts().rejected()).isEqualTo(5);
        assertThat(jdbc.queryForMap("select name, email, phone, bvn from customer where reference_id = 'CUS-1'"))
                .containsEntry("name", "Adébáyọ̀ Okonkwo").containsEntry("email", "ada@example.com")
                .containsEntry("phone", "+2348031234567").containsEntry("bvn", "22100000001");
        assertThat(jdbc.queryForList("""
                select d.name || '=' || v.value from customer_field_value v
                join customer c on c.id = v.customer_id join customer_field_definition d on d.id = v.field_definition_id
                where c.reference_id = 'CUS-1' order by d.name""", String.class))
                .containsExactly("date_of_birth=1990-04-01", "occupation=Trader", "state=Lagos");
        assertThat(jdbc.queryForList("select field from import_reject where line_number = 4 order by field", String.class))
                .containsExactly("bvn", "email");
        assertThat(jdbc.queryForList("select reason from import_reject where line_number = 5", String.class))
                .singleElement().asString().contains("scientific notation");
        assertThat(jdbc.queryForList("select field from import_reject where line_number = 8", String.class))
                .containsExactly("date_of_birth");
    }

    @Test
    void theDemoFileImportsAsItsReadmeSays() throws Exception {
        ImportSummary summary = run(Path.of("sample-data", "demo-customers.csv"), "demo").summary();

        assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary.rowsRead()).isEqualTo(50);
        assertThat(summary.counts()).isEqualTo(new ImportCounts(39, 1, 0, 10, 1, new ConnectionCounts(14, 0, 0, 0), 39));
        assertThat(jdbc.queryForList("select distinct line_number from import_reject order by 1", Long.class))
                .containsExactly(7L, 11L, 14L, 16L, 18L, 20L, 21L, 23L, 25L, 26L);
        assertThat(jdbc.queryForObject("select reason from import_reject where line_number = 25", String.class))
                .isEqualTo("bvn 221******02 already belongs to referenceId CUS-0002");
        assertThat(jdbc.queryForList("select line_number from import_warning", Long.class)).containsExactly(42L);
    }

    @Test
    void aRequiredCustomFieldIsRequiredOnlyForTheAccountTypesItNames() throws Exception {
        ImportSummary summary = run(csv("required.csv",
                "CUS-1,Person Without Occupation,1,22100000001,,,,,,,,",
                "COMP-1,Company Without Occupation,2,22100000002,,,,,,,,",
                "CUS-2,Person With Occupation,1,22100000003,,,,,Trader,,,"), "required").summary();

        assertThat(summary.counts().created()).isEqualTo(2);
        assertThat(jdbc.queryForList("select reference_id || ': ' || reason from import_reject", String.class))
                .containsExactly("CUS-1: occupation is required for a Person");
    }

    @Test
    void writesASpreadsheetSafeRejectReportWithIdentityNumbersMasked() throws Exception {
        Path file = csv("report.csv",
                "\"=HYPERLINK(\"\"x\"\")\",Formula Name,1,2210000000,,08031234567,,,,,,",
                "CUS-9,@Attack,1,22100000009,not-an-email,,,,,,,");

        ImportSummary summary = run(file, "demo").summary();

        assertThat(summary.reportPath()).isNotNull();
        String report = Files.readString(Path.of(summary.reportPath()), StandardCharsets.UTF_8);
        assertThat(report).contains("221*****00").contains("080******67").doesNotContain("2210000000,")
                .doesNotContain("08031234567").doesNotContain("22100000009");
        assertThat(report).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("\"'@Attack\"");
        assertThat(report.lines().count()).isEqualTo(3);
    }

    @Test
    void reimportingTheSameContentIsRefusedAndRerunUpdatesWithoutDuplicates() throws Exception {
        Path file = csv("twice.csv",
                "CUS-1,Ngozi Eze,1,22100000001,,,,,,,,",
                "CUS-2,Emeka Obi,1,22100000002,,,,,,,,");
        ImportOutcome first = run(file, "demo");
        Path copy = Files.copy(file, dir.resolve("twice-again.csv"));

        ImportOutcome again = run(copy, "demo");
        ImportOutcome rerun = launcher.launch(new ImportRequest(copy, "demo", null, true));

        assertThat(again.kind()).isEqualTo(ImportOutcome.Kind.ALREADY_IMPORTED);
        assertThat(again.summary().executionId()).isEqualTo(first.summary().executionId());
        assertThat(rerun.kind()).isEqualTo(ImportOutcome.Kind.RAN);
        assertThat(rerun.summary().counts().created()).isZero();
        assertThat(rerun.summary().counts().updated()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("select concat_ws(' ', created_job_instance_id, last_job_instance_id) from customer",
                String.class)).containsOnly(first.summary().jobInstanceId() + " " + rerun.summary().jobInstanceId());
    }

    @Test
    void aFailedRerunIsRestartedByTheNextImportOfTheSameContent() throws Exception {
        Path file = csv("rerun.csv", "CUS-1,One,1,22100000001,,,,,,,,", "CUS-2,Two,1,22100000002,,,,,,,,");
        ImportOutcome first = run(file, "demo");
        new FaultInjection(jdbc).failAt("CUS-2");

        ImportOutcome failedRerun = launcher.launch(new ImportRequest(file, "demo", null, true));
        new FaultInjection(jdbc).clear();
        ImportOutcome restarted = run(file, "demo");
        ImportOutcome again = run(file, "demo");

        assertThat(failedRerun.summary().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failedRerun.summary().jobInstanceId()).isNotEqualTo(first.summary().jobInstanceId());
        assertThat(restarted.kind()).isEqualTo(ImportOutcome.Kind.RAN);
        assertThat(restarted.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.summary().jobInstanceId()).isEqualTo(failedRerun.summary().jobInstanceId());
        assertThat(again.kind()).isEqualTo(ImportOutcome.Kind.ALREADY_IMPORTED);
        assertThat(again.summary().executionId()).isEqualTo(restarted.summary().executionId());
    }

    @Test
    void anUpdateChangesGivenValuesAndLeavesEmptyCellsAlone() throws Exception {
        run(csv("v1.csv", "CUS-1,Ngozi Eze,1,22100000001,ngozi@example.com,08031234567,,,Trader,1990-01-01,Lagos,"), "demo");

        ImportSummary summary = run(csv("v2.csv", "CUS-1,Ngozi Eze-Obi,1,22100000001,,,,,Banker,,,"), "demo").summary();

        assertThat(summary.counts().updated()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select name, bvn, email, phone from customer where reference_id = 'CUS-1'"))
                .containsEntry("name", "Ngozi Eze-Obi").containsEntry("bvn", "22100000001")
                .containsEntry("email", "ngozi@example.com").containsEntry("phone", "+2348031234567");
        assertThat(fieldValues("CUS-1")).containsExactly("date_of_birth=1990-01-01", "occupation=Banker", "state=Lagos");
    }

    @Test
    void aReferenceIdRepeatedInTheFileAppliesInFileOrderWithAWarningNamingBothLines() throws Exception {
        Path file = csv("repeat.csv",
                "CUS-1,First Version,1,22100000001,,,,,Trader,,Lagos,",
                "CUS-2,Other,1,22100000002,,,,,,,,",
                "CUS-1,Second Version,1,22100000001,,,,,Banker,,,",
                "CUS-3,Other,1,22100000003,,,,,,,,",
                "CUS-4,Other,1,22100000004,,,,,,,,",
                "CUS-1,Third Version,1,22100000001,,,,,,1980-05-05,,");

        ImportSummary summary = run(file, "demo").summary();

        assertThat(summary.counts().created()).isEqualTo(4);
        assertThat(summary.counts().updated()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select name from customer where reference_id = 'CUS-1'", String.class))
                .isEqualTo("Third Version");
        assertThat(fieldValues("CUS-1")).containsExactly("date_of_birth=1980-05-05", "occupation=Banker", "state=Lagos");
        assertThat(jdbc.queryForList("select message from import_warning where reference_id = 'CUS-1' order by line_number",
                String.class)).containsExactly(
                "referenceId CUS-1 is on lines 2 and 4; the rows apply in file order, line 4 last",
                "referenceId CUS-1 is on lines 4 and 7; the rows apply in file order, line 7 last");
    }

    @Test
    void aBvnHeldByAnotherReferenceIdIsRejectedNamingTheHolder() throws Exception {
        run(csv("first.csv", "CUS-1,Ngozi Eze,1,22100000001,,,,,,,,"), "demo");

        ImportSummary summary = run(csv("second.csv",
                "CUS-2,Same Bvn As Database,1,22100000001,,,,,,,,",
                "CUS-3,New,1,22100000003,,,,,,,,",
                "CUS-4,Same Bvn As Line 3,1,22100000003,,,,,,,,",
                "COMP-1,A Company May Share It,2,22100000001,,,,,,,,"), "demo").summary();

        assertThat(summary.counts().created()).isEqualTo(2);
        assertThat(summary.counts().rejected()).isEqualTo(2);
        assertThat(jdbc.queryForList("select reason from import_reject order by line_number", String.class))
                .containsExactly("bvn 221******01 already belongs to referenceId CUS-1",
                        "bvn 221******03 already belongs to referenceId CUS-3");
    }

    @Test
    void theUseExistingPolicyTreatsAnIdentityDuplicateAsTheExistingCustomer() throws Exception {
        run(csv("first.csv", "CUS-1,Ngozi Eze,1,22100000001,,,,,,,,"), "demo");

        ImportSummary summary = run(csv("second.csv", "CUS-2,Same Person,1,22100000001,,,,,,,,"), "lenient").summary();

        assertThat(summary.counts().matched()).isEqualTo(1);
        assertThat(summary.counts().rejected()).isZero();
        assertThat(jdbc.queryForList("select reference_id from customer", String.class)).containsExactly("CUS-1");
    }

    @Test
    void anEmailTakenByAnEarlierRowOfTheFileIsRejectedWhateverItsCase() throws Exception {
        ImportSummary summary = run(csv("emails.csv",
                "CUS-1,Ada Obi,1,22100000001,Ada.Obi@Example.com,,,,,,,",
                "CUS-2,Ada Again,1,22100000002,ada.obi@EXAMPLE.COM,,,,,,,",
                "CUS-1,Ada Obi Again,1,22100000001,ADA.OBI@example.com,,,,,,,",
                "COMP-1,A Company May Share It,2,22100000003,ada.obi@example.com,,,,,,,",
                "CUS-3,Other,1,22100000004,other@example.com,,,,,,,",
                "CUS-4,Next Chunk,1,22100000005,ada.obi@example.com,,,,,,,"), "demo").summary();

        assertThat(summary.counts().created()).isEqualTo(3);
        assertThat(summary.counts().updated()).isEqualTo(1);
        assertThat(summary.counts().rejected()).isEqualTo(2);
        assertThat(jdbc.queryForList("select line_number || ' ' || field || ': ' || reason from import_reject"
                + " order by line_number", String.class)).containsExactly(
                "3 email: email a***@example.com already belongs to referenceId CUS-1",
                "7 email: email a***@example.com already belongs to referenceId CUS-1");
        assertThat(jdbc.queryForList("select reference_id || ' ' || email from customer order by 1", String.class))
                .containsExactly("COMP-1 ada.obi@example.com", "CUS-1 ada.obi@example.com", "CUS-3 other@example.com");
    }

    @Test
    void aPhoneHeldByAStoredCustomerIsRejectedInWhicheverFormatTheFileWritesIt() throws Exception {
        run(csv("first.csv", "CUS-1,Ngozi Eze,1,22100000001,,08031234567,,,,,,"), "demo");

        ImportSummary summary = run(csv("second.csv",
                "CUS-2,International Format,1,22100000002,,+2348031234567,,,,,,",
                "CUS-3,Spaced Out,1,22100000003,,+234 803 123 4567,,,,,,",
                "CUS-1,Ngozi Eze Again,1,22100000001,,0803 123 4567,,,,,,",
                "COMP-1,A Company May Share It,2,22100000004,,08031234567,,,,,,"), "demo").summary();

        assertThat(summary.counts().created()).isEqualTo(1);
        assertThat(summary.counts().updated()).isEqualTo(1);
        assertThat(summary.counts().rejected()).isEqualTo(2);
        List<String> reasons = jdbc.queryForList("select reason from import_reject order by line_number", String.class);
        assertThat(reasons).containsExactly("phone +23*********67 already belongs to referenceId CUS-1",
                "phone +23*********67 already belongs to referenceId CUS-1");
        assertThat(jdbc.queryForList("select reference_id from customer order by 1", String.class))
                .containsExactly("COMP-1", "CUS-1");
    }

    @Test
    void theMatchPolicyTreatsARowSharingAnEmailOrPhoneAsTheExistingCustomer() throws Exception {
        run(csv("first.csv", "CUS-1,Ngozi Eze,1,22100000001,ngozi@example.com,08031234567,,,,,,"), "demo");

        ImportSummary summary = run(csv("second.csv",
                "CUS-2,Same Email,1,22100000002,NGOZI@example.com,,,,,,,",
                "CUS-3,Same Phone,1,22100000003,,+2348031234567,,,,,,",
                "CUS-4,Someone Else,1,22100000004,emeka@example.com,08031234568,,,,,,"), "matching").summary();

        assertThat(summary.counts().matched()).isEqualTo(2);
        assertThat(summary.counts().created()).isEqualTo(1);
        assertThat(summary.counts().rejected()).isZero();
        assertThat(jdbc.queryForList("select reference_id || ' ' || name from customer order by 1", String.class))
                .containsExactly("CUS-1 Ngozi Eze", "CUS-4 Someone Else");
        assertThat(jdbc.queryForList("select field || ': ' || message from import_warning order by line_number",
                String.class)).containsExactly(
                "email: email n***@example.com belongs to referenceId CUS-1: the row is treated as that existing"
                        + " customer and changes nothing",
                "phone: phone +23*********67 belongs to referenceId CUS-1: the row is treated as that existing"
                        + " customer and changes nothing");
    }

    @Test
    void aFeedMayMatchByOneIdentityAndRejectByTheOthers() throws Exception {
        run(csv("first.csv", "CUS-1,Ngozi Eze,1,22100000001,ngozi@example.com,08031234567,,,,,,"), "demo");

        ImportSummary summary = run(csv("second.csv",
                "CUS-2,Same Email,1,22100000002,Ngozi@Example.com,,,,,,,",
                "CUS-3,Same Phone,1,22100000003,,+2348031234567,,,,,,",
                "CUS-4,Same Bvn,1,22100000001,,,,,,,,",
                "CUS-5,Same Email And Phone,1,22100000005,ngozi@example.com,08031234567,,,,,,"), "email-matching")
                .summary();

        assertThat(summary.counts().matched()).isEqualTo(1);
        assertThat(summary.counts().rejected()).isEqualTo(3);
        assertThat(summary.counts().created()).isZero();
        assertThat(jdbc.queryForList("select reference_id || ' ' || field from import_reject order by line_number",
                String.class)).containsExactly("CUS-3 phone", "CUS-4 bvn", "CUS-5 phone");
        assertThat(jdbc.queryForList("select reference_id || ' ' || field from import_warning", String.class))
                .containsExactly("CUS-2 email");
        assertThat(jdbc.queryForList("select reference_id from customer", String.class)).containsExactly("CUS-1");
    }

    @Test
    void unknownColumnsAreIgnoredWithOneWarningPerColumnOrRefusedOrCreatedAsTheFeedSays() throws Exception {
        String header = "referenceId,name,accountTypeId,bvn,Loyalty Tier";
        Path ignore = write("unknown.csv", StandardCharsets.UTF_8, header, "CUS-1,A,1,22100000001,gold", "CUS-2,B,1,22100000002,silver");
        Path strict = write("unknown-strict.csv", StandardCharsets.UTF_8, header, "CUS-3,C,1,22100000003,gold");
        Path open = write("unknown-open.csv", StandardCharsets.UTF_8, header, "CUS-4,D,1,22100000004,gold");

        ImportSummary ignored = run(ignore, "demo").summary();
        assertThatThrownBy(() -> run(strict, "strict")).isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("Loyalty Tier");
        run(open, "open");

        assertThat(ignored.counts().warnings()).isEqualTo(1);
        assertThat(jdbc.queryForList("select field from import_warning", String.class)).containsExactly("Loyalty Tier");
        assertThat(jdbc.queryForList("select reference_id from customer order by 1", String.class))
                .containsExactly("CUS-1", "CUS-2", "CUS-4");
        assertThat(fieldValues("CUS-4")).containsExactly("Loyalty Tier=gold");
    }

    @Test
    void aFileThatCannotBeImportedLeavesNothingBehind() throws Exception {
        Path noReferenceId = write("no-ref.csv", StandardCharsets.UTF_8, "name,accountTypeId,bvn", "A,1,22100000001");
        Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);
        Path latin1 = write("latin1.csv", Charset.forName("windows-1252"), HEADER, "CUS-1,Chloé Obi,1,22100000001,,,,,,,,");

        assertThatThrownBy(() -> run(noReferenceId, "demo")).isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("no referenceId column");
        assertThatThrownBy(() -> run(empty, "demo")).isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> run(latin1, "demo")).isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("line 2, byte offset " + (HEADER.length() + 1 + "CUS-1,Chlo".length()));
        assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isZero();
    }

    @Test
    void aFileInAnotherCharsetImportsWhenItsCharsetIsNamed() throws Exception {
        Path latin1 = write("latin1.csv", Charset.forName("windows-1252"), HEADER, "CUS-1,Chloé Obi,1,22100000001,,,,,,,,");

        run(latin1, "latin1");

        assertThat(jdbc.queryForObject("select name from customer", String.class)).isEqualTo("Chloé Obi");
    }

    @Test
    void aRowTheDatabaseRefusesIsRejectedAloneAndTheRestOfItsChunkIsWritten() throws Exception {
        new FaultInjection(jdbc).refuseName("Refused By The Database");
        Path file = csv("refused.csv",
                "CUS-1,One,1,22100000001,,,,,,,,",
                "CUS-2,Two,1,22100000002,,,,,,,,",
                "CUS-3,Refused By The Database,1,22100000003,,,,,,,,",
                "CUS-1,One Again,1,22100000001,,,,,,,,",
                "CUS-5,Five,1,22100000005,,,,,,,,");

        ImportSummary summary = run(file, "demo").summary();

        assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary.counts()).isEqualTo(new ImportCounts(3, 1, 0, 1, 1, ConnectionCounts.NONE, 3));
        assertThat(jdbc.queryForList("select reference_id from customer order by 1", String.class))
                .containsExactly("CUS-1", "CUS-2", "CUS-5");
        assertThat(jdbc.queryForObject("select name from customer where reference_id = 'CUS-1'", String.class))
                .isEqualTo("One Again");
        assertThat(jdbc.queryForList("select line_number || ' ' || reason from import_reject", String.class))
                .containsExactly("4 the database refused the row (an integrity constraint)");
        assertThat(Files.readString(Path.of(summary.reportPath()))).contains("the database refused the row");
    }

    @Test
    void anImportFailsWhenRejectsPassTheSkipLimit() throws Exception {
        Path file = csv("bad.csv", "CUS-1,,1,22100000001,,,,,,,,", "CUS-2,,1,22100000002,,,,,,,,",
                "CUS-3,,1,22100000003,,,,,,,,", "CUS-4,Fine,1,22100000004,,,,,,,,");

        ImportSummary summary = run(file, "tight").summary();

        assertThat(summary.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(summary.failure()).contains("skip limit of 2");
    }

    @Test
    void aFailedImportRestartsFromItsLastCommittedChunkAndEndsAsAnUninterruptedOneWould() throws Exception {
        Path file = csv("restart.csv", TEN_ROWS);
        run(file, "demo");
        TableSnapshot uninterrupted = TableSnapshot.of(jdbc);
        Databases.reset(jdbc);

        new FaultInjection(jdbc).failAt("CUS-9");
        ImportOutcome failed = run(file, "demo");
        long customersAtFailure = jdbc.queryForObject("select count(*) from customer", Long.class);
        new FaultInjection(jdbc).clear();
        ImportOutcome restarted = run(file, "demo");

        assertThat(failed.summary().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(customersAtFailure).isEqualTo(5);
        assertThat(restarted.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.summary().jobInstanceId()).isEqualTo(failed.summary().jobInstanceId());
        assertThat(restarted.summary().rowsThisRun()).isEqualTo(2);
        assertThat(restarted.summary().rowsRead()).isEqualTo(10);
        assertThat(restarted.summary().counts()).isEqualTo(
                new ImportCounts(6, 1, 0, 3, 1, ConnectionCounts.NONE, 6));
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(uninterrupted);
        // The restart read its positions and counts back from contexts stored as JSON, not Java-serialized.
        assertThat(jdbc.queryForList("select short_context from batch_step_execution_context union all"
                + " select short_context from batch_job_execution_context", String.class))
                .isNotEmpty().allSatisfy(context -> assertThat(context).doesNotStartWith("rO0AB").startsWith("{"));
    }

    @Test
    void aStrayQuoteRefusesTheWholeFileAndWritesNothing() throws Exception {
        Path file = csv("stray.csv", "SY-0001,Ada,1,22100000001,,,,,,,,", "SY-0002,Obi,1,22100000002,,,,,,,,",
                "SY-0003,\"Ebuka\" Obi,1,22100000003,ebuka@example.com,08031234567,,,,,,",
                "SY-0004,Eze,1,22100000004,,,,,,,,", "SY-0005,\"Eze, Nwosu & Partners\",2,22100000005,,,,,,,,");

        assertThatThrownBy(() -> run(file, "demo")).isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("stray.csv: line 4: a quoted cell must end at its closing quote");
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Long.class)).isZero();
    }

    @Test
    void noValueFromAFileFailsTheImportOnlyItsRowIsRejectedWithTheStoredCellsCut() throws Exception {
        Path file = csv("huge-cells.csv", "CUS-1,Ada,1,22100000001,,,,,,,,",
                "CUS-2," + "n".repeat(120_000) + ",1,22100000002,,,,,,,,",
                "CUS-3,Obi,1,22100000003,,,,," + "o".repeat(200_000) + ",,,",
                "R" + "9".repeat(5_000) + ",Long Reference,1,22100000004,,,,,,,,",
                "CUS-5,Eze,1,22100000005,,,,,,,,");

        ImportSummary summary = run(file, "demo").summary();

        assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary.counts().created()).isEqualTo(2);
        assertThat(summary.counts().rejected()).isEqualTo(3);
        assertThat(jdbc.queryForList("select reason from import_reject where line_number = 3", String.class))
                .singleElement().asString().contains("name is longer than 255 characters");
        assertThat(jdbc.queryForList("select field from import_reject where line_number = 4", String.class))
                .containsExactly("occupation");
        assertThat(jdbc.queryForObject("select row_cells from import_reject where line_number = 3", String.class))
                .hasSizeLessThanOrEqualTo(100_000).contains("…(120,000 characters)");
        assertThat(jdbc.queryForObject("select reference_id from import_reject where line_number = 5", String.class))
                .hasSizeLessThanOrEqualTo(255).endsWith("…(5,001 characters)");
    }

    @Test
    void unknownColumnsThatCannotBecomeFieldsRefuseTheFileBeforeAnythingIsWritten() throws Exception {
        String header = "referenceId,name,accountTypeId,bvn,";
        Path blank = write("blank.csv", StandardCharsets.UTF_8, header + "", "CUS-1,Ada,1,22100000001,x");
        Path noLetter = write("marks.csv", StandardCharsets.UTF_8, header + "???", "CUS-1,Ada,1,22100000001,x");
        Path escape = write("escape.csv", StandardCharsets.UTF_8, header + "\"risk\u001b[2Jlevel\"",
                "CUS-1,Ada,1,22100000001,x");
        Path tooLong = write("long.csv", StandardCharsets.UTF_8, header + "f".repeat(101), "CUS-1,Ada,1,22100000001,x");

        assertThatThrownBy(() -> run(blank, "open")).hasMessageContaining("line 1, column 5 has no name");
        assertThatThrownBy(() -> run(noLetter, "open")).hasMessageContaining("has no letter or digit in its name");
        assertThatThrownBy(() -> run(escape, "open")).hasMessageContaining("has control characters in its name")
                .hasMessageContaining("\\x1b[2J").hasMessageNotContaining("\u001b");
        assertThatThrownBy(() -> run(tooLong, "open")).hasMessageContaining("has a name of 101 characters (at most 100)");
        assertThat(jdbc.queryForObject("select count(*) from customer_field_definition where name like '%?%'"
                + " or name like '%column%' or length(name) > 100", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Long.class)).isZero();
    }

    @Test
    void aFileThatGrowsAfterInspectionFailsTheImportAndImportsNothingItDidNotInspect() throws Exception {
        Path file = csv("growing.csv", TEN_ROWS);
        ImportPlan plan = launcher.plan(new ImportRequest(file, "demo", null, false));
        Files.writeString(file, "CUS-11,Eleven,1,22100000011,,,,,,,,\n", java.nio.file.StandardOpenOption.APPEND);

        org.springframework.batch.core.job.JobExecution execution = jobOperator.start(customerImportJob, plan.parameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForList("select exit_message from batch_step_execution where step_name like 'customerPart%'",
                String.class)).anySatisfy(message -> assertThat(message).contains("growing.csv changed while it was imported"));
        assertThat(jdbc.queryForObject("select count(*) from customer where reference_id = 'CUS-11'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from webhook_event where event_type = 'customer_import.completed'",
                Long.class)).isZero();
    }

    ImportOutcome run(Path file, String feed) throws Exception {
        return launcher.launch(new ImportRequest(file, feed, null, false));
    }

    List<String> fieldValues(String referenceId) {
        return jdbc.queryForList("""
                select d.name || '=' || v.value from customer_field_value v
                join customer c on c.id = v.customer_id join customer_field_definition d on d.id = v.field_definition_id
                where c.reference_id = ? order by d.name""", String.class, referenceId);
    }

    Path csv(String name, String... rows) throws IOException {
        return write(name, StandardCharsets.UTF_8, HEADER, rows);
    }

    Path write(String name, Charset charset, String header, String... rows) throws IOException {
        StringBuilder content = new StringBuilder(header).append('\n');
        for (String row : rows) {
            content.append(row).append('\n');
        }
        return Files.writeString(dir.resolve(name), content, charset);
    }

}
