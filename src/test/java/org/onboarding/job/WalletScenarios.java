package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.ImportScenario;
import org.onboarding.wallets.Nuban;
import org.springframework.batch.core.BatchStatus;

/**
 * Default wallets end to end, on the embedded H2 default and on PostgreSQL by the subclasses:
 * one per customer an import creates, none for one it updates, with a valid NUBAN. Chunks are 4 rows.
 */
abstract class WalletScenarios extends ImportScenario {

    static final String HEADER = "referenceId,name,accountTypeId,bvn,enable_interest_accrual,interest_payout_wallet,"
            + "bypass_withdrawal_limit_rule";

    @Test
    void everyCreatedCustomerGetsOneDefaultWalletWithAValidNubanAndAnUpdatedOneNone() throws Exception {
        ImportSummary first = run("wallets", "CUS-1,Ngozi Eze,1,22100000001,,,", "CUS-2,Emeka Obi,1,22100000002,no,,",
                "COMP-1,Eze Holdings,2,22100000003,,,", "CUS-3,Ada Obi,1,22100000004,,,", "CUS-1,Ngozi Eze-Obi,1,,,,");
        ImportSummary second = run("wallets", "CUS-1,Ngozi Eze,1,,,,", "CUS-4,New One,1,22100000005,,,");

        assertThat(first.counts().wallets()).isEqualTo(4);
        assertThat(second.counts().wallets()).isEqualTo(1);
        List<Map<String, Object>> wallets = jdbc.queryForList("""
                select c.reference_id, w.account_name, w.currency, w.is_default, w.bank_code, w.bank_name,
                       w.virtual_account_number, w.interest_accrual_enabled, w.status
                from wallet w join customer c on c.id = w.customer_id order by c.reference_id""");
        assertThat(wallets).extracting(w -> w.get("reference_id")).containsExactly("COMP-1", "CUS-1", "CUS-2", "CUS-3",
                "CUS-4");
        assertThat(wallets).allSatisfy(wallet -> {
            assertThat(Nuban.isValid("090999", (String) wallet.get("virtual_account_number"))).isTrue();
            assertThat(wallet).containsEntry("currency", "NGN").containsEntry("is_default", true)
                    .containsEntry("bank_code", "090999").containsEntry("bank_name", "Demo Microfinance Bank")
                    .containsEntry("status", "ACTIVE");
        });
        assertThat(wallets.get(1)).as("named as the customer was created").containsEntry("account_name", "Ngozi Eze");
        assertThat(wallets.get(2)).containsEntry("interest_accrual_enabled", false);
        assertThat(wallets.get(3)).containsEntry("interest_accrual_enabled", true);
        assertThat(jdbc.queryForObject("select count(distinct virtual_account_number) from wallet", Long.class))
                .isEqualTo(5);
    }

    @Test
    void aRowNamingAnInterestPayoutWalletTheOrganisationDoesNotHaveIsRejected() throws Exception {
        run("wallets", "CUS-1,Ngozi Eze,1,22100000001,,,");
        String payout = jdbc.queryForObject("select cast(id as varchar(36)) from wallet", String.class);

        ImportSummary summary = run("wallets", "CUS-2,Pays Into CUS-1,1,22100000002,," + payout + ",",
                "CUS-3,Unknown Wallet,1,22100000003,,0b042d50-fa8d-44d6-b3e5-02ace4c24f8b,",
                "CUS-4,Not A Uuid,1,22100000004,,wallet-9,");

        assertThat(summary.counts().created()).isEqualTo(1);
        assertThat(summary.counts().rejected()).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                select cast(w.interest_payout_wallet_id as varchar(36)) from wallet w
                join customer c on c.id = w.customer_id where c.reference_id = 'CUS-2'""", String.class)).isEqualTo(payout);
        assertThat(jdbc.queryForList("select reason from import_reject order by line_number", String.class))
                .containsExactly("interest_payout_wallet 0b042d50-fa8d-44d6-b3e5-02ace4c24f8b is not a wallet of the organisation",
                        "interest_payout_wallet must be a wallet id (a UUID), not 'wallet-9'");
    }

    @Test
    void bypassingTheWithdrawalLimitRuleIsHonouredOnlyAtAnAllowedBranch() throws Exception {
        run("wallets", "CUS-1,At Lagos,1,22100000001,,,yes");
        run("wallets-hq", "CUS-2,At HQ,1,22100000002,,,yes");

        assertThat(jdbc.queryForList("""
                select c.reference_id || case when w.withdrawal_limit_bypassed then ' bypasses' else ' keeps' end
                from wallet w
                join customer c on c.id = w.customer_id order by 1""", String.class))
                .containsExactly("CUS-1 keeps", "CUS-2 bypasses");
        assertThat(jdbc.queryForList("select message from import_warning", String.class)).containsExactly(
                "bypass_withdrawal_limit_rule is ignored: branch LAGOS-01 is not allowed to bypass the withdrawal limit rule");
    }

    @Test
    void aRestartedImportNeverOpensASecondWallet() throws Exception {
        Path file = file("restart.csv", "CUS-1,One,1,22100000001,,,", "CUS-2,Two,1,22100000002,,,",
                "CUS-3,Three,1,22100000003,,,", "CUS-4,Four,1,22100000004,,,", "CUS-5,Five,1,22100000005,,,",
                "CUS-6,Six,1,22100000006,,,", "CUS-1,One Again,1,,,,");
        new FaultInjection(jdbc).failAt("CUS-6");
        ImportSummary failed = launcher.launch(new ImportRequest(file, "wallets", null, false)).summary();
        long walletsAtFailure = jdbc.queryForObject("select count(*) from wallet", Long.class);
        List<String> eventsAtFailure = events();
        new FaultInjection(jdbc).clear();

        ImportSummary restarted = launcher.launch(new ImportRequest(file, "wallets", null, false)).summary();

        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(walletsAtFailure).isEqualTo(4);
        assertThat(eventsAtFailure).as("each wallet opened before the failure, notified with it").containsExactly(
                "customer_import.failed", "reserve_virtual_account.success", "reserve_virtual_account.success",
                "reserve_virtual_account.success", "reserve_virtual_account.success");
        assertThat(restarted.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.counts().wallets()).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from wallet", Long.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(distinct customer_id) from wallet", Long.class)).isEqualTo(6);
        assertThat(events()).containsExactly("customer_import.completed", "customer_import.failed",
                "reserve_virtual_account.success", "reserve_virtual_account.success", "reserve_virtual_account.success",
                "reserve_virtual_account.success", "reserve_virtual_account.success", "reserve_virtual_account.success");
        assertThat(jdbc.queryForObject("select count(*) from wallet w where not exists (select 1 from webhook_event e"
                + " where e.event_key = 'reserve_virtual_account.success:' || cast(w.id as varchar(36)))", Long.class))
                .as("wallets without their event").isZero();
    }

    @Test
    void eachWalletOpenedQueuesOneEventTheLastStepOneSummaryAndARerunQueuesNoneTwice() throws Exception {
        Path file = file("events.csv", "CUS-1,Ngozi Eze,1,22100000001,,,", "CUS-2,Emeka Obi,1,22100000002,,,");
        ImportSummary first = launcher.launch(new ImportRequest(file, "wallets", null, false)).summary();
        ImportSummary rerun = launcher.launch(new ImportRequest(file, "wallets", null, true)).summary();

        assertThat(events()).containsExactly("customer_import.completed", "customer_import.completed",
                "reserve_virtual_account.success", "reserve_virtual_account.success");
        String payload = jdbc.queryForObject("select cast(e.payload as varchar(10000)) from webhook_event e"
                + " where e.event_key = (select 'reserve_virtual_account.success:' || cast(w.id as varchar(36))"
                + " from wallet w join customer c on c.id = w.customer_id where c.reference_id = 'CUS-1')", String.class);
        String account = jdbc.queryForObject("select w.virtual_account_number from wallet w join customer c"
                + " on c.id = w.customer_id where c.reference_id = 'CUS-1'", String.class);
        assertThat(payload).contains("\"event\":\"reserve_virtual_account.success\"")
                .contains("\"referenceId\":\"CUS-1\"").contains("\"accountNumber\":\"" + account + "\"")
                .contains("\"accountName\":\"Ngozi Eze\"").contains("\"bankName\":\"Demo Microfinance Bank\"");
        assertThat(jdbc.queryForList("select cast(payload as varchar(10000)) from webhook_event"
                + " where event_type = 'customer_import.completed' order by job_instance_id", String.class))
                .satisfiesExactly(
                        summary -> assertThat(summary).contains("\"executionId\":" + first.executionId())
                                .contains("\"created\":2").contains("\"wallets\":2"),
                        summary -> assertThat(summary).contains("\"executionId\":" + rerun.executionId())
                                .contains("\"updated\":2").contains("\"wallets\":0"));
        assertThat(jdbc.queryForList("select distinct status from webhook_event", String.class)).containsExactly("PENDING");
    }

    @Test
    void aFinalStepThatFailsAfterQueuingSomeEventsRestartsWithoutQueuingAnyTwice() throws Exception {
        Path file = file("final.csv", "CUS-1,Ngozi Eze,1,22100000001,,,", "CUS-2,Emeka Obi,1,22100000002,,,",
                "CUS-3,Ada Obi,1,22100000003,,,");
        new FaultInjection(jdbc).refuseEvent("customer_import.completed");
        ImportSummary failed = launcher.launch(new ImportRequest(file, "wallets", null, false)).summary();
        List<String> queuedBeforeRestart = jdbc.queryForList("select cast(id as varchar(36)) from webhook_event"
                + " where event_type = 'reserve_virtual_account.success' order by 1", String.class);
        new FaultInjection(jdbc).clear();

        ImportSummary restarted = launcher.launch(new ImportRequest(file, "wallets", null, false)).summary();

        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(queuedBeforeRestart).hasSize(3);
        assertThat(restarted.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.jobInstanceId()).isEqualTo(failed.jobInstanceId());
        assertThat(restarted.rowsThisRun()).as("the customer step is not run again").isZero();
        assertThat(jdbc.queryForList("select cast(id as varchar(36)) from webhook_event"
                + " where event_type = 'reserve_virtual_account.success' order by 1", String.class))
                .as("the same events, with the same ids").isEqualTo(queuedBeforeRestart);
        assertThat(events()).containsExactly("customer_import.completed", "customer_import.failed",
                "reserve_virtual_account.success", "reserve_virtual_account.success", "reserve_virtual_account.success");
    }

    private List<String> events() {
        return jdbc.queryForList("select event_type from webhook_event order by event_type", String.class);
    }

    private ImportSummary run(String feed, String... rows) throws Exception {
        return launcher.launch(new ImportRequest(file(feed + "-" + System.nanoTime() + ".csv", rows), feed, null, false))
                .summary();
    }

    private Path file(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }
}
