package org.onboarding.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onboarding.feed.AccountType;
import org.onboarding.feed.IdentityDuplicatePolicy;
import org.onboarding.feed.IdentityDuplicates;
import org.onboarding.file.CustomerRecord;
import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportWarning;
import org.onboarding.imports.RowReject;
import org.onboarding.pii.PiiText;
import org.onboarding.rules.ValidCustomer;
import org.onboarding.rules.ValidatedRow;
import org.onboarding.rules.Violation;

class ChunkPlannerTest {

    private static final long JOB_INSTANCE = 42;
    private static final long OTHER_JOB_INSTANCE = 41;
    private static final String BVN_1 = "22011111111";
    private static final String BVN_2 = "22022222222";
    private static final String BVN_3 = "22033333333";

    private final UUID occupation = UUID.randomUUID();
    private final UUID state = UUID.randomUUID();
    private final UUID dateOfBirth = UUID.randomUUID();

    private final ChunkPlanner rejecting = new ChunkPlanner(IdentityDuplicates.REJECT_ALL, JOB_INSTANCE);
    private final ChunkPlanner usingExisting = new ChunkPlanner(IdentityDuplicates.same(IdentityDuplicatePolicy.MATCH),
            JOB_INSTANCE);

    private static ValidCustomer person(String referenceId, String bvn) {
        return customer(referenceId, AccountType.PERSON, bvn);
    }

    private static ValidCustomer company(String referenceId, String bvn) {
        return customer(referenceId, AccountType.COMPANY, bvn);
    }

    private static ValidCustomer customer(String referenceId, AccountType type, String bvn) {
        return new ValidCustomer(referenceId, "Name of " + referenceId, type, bvn, null, null, null, null, null,
                Map.of());
    }

    private static ValidatedRow row(long line, ValidCustomer customer) {
        return ValidatedRow.valid(new CustomerRecord(line, new String[] {customer.referenceId()}), customer);
    }

    private static ExistingCustomer existing(String referenceId, AccountType type, String bvn) {
        return new ExistingCustomer(UUID.randomUUID(), referenceId, type, bvn, null, null, OTHER_JOB_INSTANCE, 3L);
    }

    /** The customer of a row as already stored (by another import): the same referenceId, account type and BVN. */
    private static ExistingCustomer storedAs(ValidCustomer customer) {
        return existing(customer.referenceId(), customer.accountType(), customer.bvn());
    }

    private static ExistingCustomer writtenByThisImport(String referenceId, String bvn, long line) {
        return new ExistingCustomer(UUID.randomUUID(), referenceId, AccountType.PERSON, bvn, null, null, JOB_INSTANCE,
                line);
    }

    private static List<ValidatedRow> rows(ValidCustomer... customers) {
        List<ValidatedRow> rows = new ArrayList<>();
        for (int i = 0; i < customers.length; i++) {
            rows.add(row(i + 2, customers[i]));
        }
        return rows;
    }

    private static List<String> upsertedReferenceIds(ChunkPlan plan) {
        return plan.upserts().stream().map(upsert -> upsert.customer().referenceId()).toList();
    }

    private static Violation bvnBelongsTo(String bvn, String holder) {
        return new Violation("bvn", "bvn " + PiiText.mask(bvn) + " already belongs to referenceId " + holder);
    }

    private static String repeatedOn(String referenceId, long earlier, long later) {
        // Line numbers grouped (1,017), so that a large file's never reads as an identity to mask.
        return String.format("referenceId %s is on lines %,d and %,d; the rows apply in file order, line %,d last",
                referenceId, earlier, later, later);
    }

    @Test
    void aNewReferenceIdIsCreatedWithAFreshTimeOrderedId() {
        ExistingCustomer other = existing("C-OTHER", AccountType.PERSON, BVN_2);
        ValidCustomer customer = person("C-001", BVN_1);

        ChunkPlan plan = rejecting.plan(List.of(row(2, customer)), List.of(other));

        assertThat(plan.counts()).isEqualTo(new ImportCounts(1, 0, 0, 0, 0));
        assertThat(plan.upserts()).singleElement().satisfies(upsert -> {
            assertThat(upsert.customer()).isEqualTo(customer);
            assertThat(upsert.line()).isEqualTo(2);
            assertThat(upsert.id()).isNotNull().isNotEqualTo(other.id());
            assertThat(upsert.id().version()).isEqualTo(7);
        });
        assertThat(plan.rejects()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void twoNewReferenceIdsGetDistinctIds() {
        ChunkPlan plan = rejecting.plan(rows(person("C-001", BVN_1), person("C-002", BVN_2)), List.of());

        assertThat(plan.counts()).isEqualTo(new ImportCounts(2, 0, 0, 0, 0));
        assertThat(plan.upserts()).extracting(CustomerUpsert::id).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void anExistingReferenceIdIsUpdatedAndKeepsItsId() {
        ValidCustomer customer = person("C-001", BVN_1);
        ExistingCustomer stored = storedAs(customer);

        ChunkPlan plan = rejecting.plan(List.of(row(2, customer)), List.of(stored));

        assertThat(plan.counts()).isEqualTo(new ImportCounts(0, 1, 0, 0, 0));
        assertThat(plan.upserts()).containsExactly(new CustomerUpsert(stored.id(), customer, 2, false));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aReferenceIdRepeatedInTheChunkIsOneUpsertWhereTheLaterRowWins() {
        ValidCustomer earlier = new ValidCustomer("C-001", "Ada Obi", AccountType.PERSON, BVN_1, "ada@example.com",
                "+2348012345678", "nin", "12345678901", "tp-1",
                Map.of(occupation, "Engineer", state, "Lagos"));
        ValidCustomer later = new ValidCustomer("C-001", "Ada Obi-Eze", AccountType.PERSON, null, "ada@eze.ng", null,
                null, null, "tp-2", Map.of(state, "Abuja", dateOfBirth, "1990-02-28"));

        ChunkPlan plan = rejecting.plan(List.of(row(2, earlier), row(5, later)), List.of());

        assertThat(plan.upserts()).singleElement().satisfies(upsert -> {
            assertThat(upsert.line()).isEqualTo(5);
            assertThat(upsert.customer()).isEqualTo(new ValidCustomer("C-001", "Ada Obi-Eze", AccountType.PERSON,
                    BVN_1, "ada@eze.ng", "+2348012345678", "nin", "12345678901", "tp-2",
                    Map.of(occupation, "Engineer", state, "Abuja", dateOfBirth, "1990-02-28")));
        });
        assertThat(plan.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 1));
        assertThat(plan.warnings()).containsExactly(
                new ImportWarning(5L, "C-001", "referenceId", repeatedOn("C-001", 2, 5)));
    }

    @Test
    void aLaterRowBlankInEveryOptionalCellKeepsTheEarlierRowsValues() {
        ValidCustomer earlier = new ValidCustomer("C-001", "Ada Obi", AccountType.PERSON, BVN_1, "ada@example.com",
                "+2348012345678", "nin", "12345678901", "tp-1", Map.of(occupation, "Engineer"));
        ValidCustomer later = new ValidCustomer("C-001", "Ada Obi", AccountType.PERSON, null, null, null, null, null,
                null, Map.of());

        ChunkPlan plan = rejecting.plan(List.of(row(2, earlier), row(3, later)), List.of());

        assertThat(plan.upserts()).singleElement().extracting(CustomerUpsert::customer).isEqualTo(earlier);
    }

    @Test
    void anExistingReferenceIdRepeatedInTheChunkKeepsItsIdAndCountsEachUpdate() {
        ExistingCustomer stored = existing("C-001", AccountType.PERSON, BVN_1);

        ChunkPlan plan = rejecting.plan(rows(person("C-001", null), person("C-001", BVN_2), person("C-001", null)),
                List.of(stored));

        assertThat(plan.upserts()).singleElement().satisfies(upsert -> {
            assertThat(upsert.id()).isEqualTo(stored.id());
            assertThat(upsert.line()).isEqualTo(4);
            assertThat(upsert.customer().bvn()).isEqualTo(BVN_2);
        });
        assertThat(plan.counts()).isEqualTo(new ImportCounts(0, 3, 0, 0, 2));
        assertThat(plan.warnings()).extracting(ImportWarning::message)
                .containsExactly(repeatedOn("C-001", 2, 3), repeatedOn("C-001", 3, 4));
    }

    @Test
    void aReferenceIdWrittenEarlierByThisImportIsWarnedNamingTheEarlierLine() {
        ExistingCustomer stored = writtenByThisImport("C-001", BVN_1, 17);

        ChunkPlan plan = rejecting.plan(List.of(row(1017, person("C-001", BVN_1))), List.of(stored));

        assertThat(plan.counts()).isEqualTo(new ImportCounts(0, 1, 0, 0, 1));
        assertThat(plan.upserts()).extracting(CustomerUpsert::id).containsExactly(stored.id());
        assertThat(plan.warnings()).containsExactly(
                new ImportWarning(1017L, "C-001", "referenceId", repeatedOn("C-001", 17, 1017)));
    }

    @Test
    void aReferenceIdWrittenByAnotherImportIsUpdatedWithoutWarning() {
        ExistingCustomer byAnotherImport = new ExistingCustomer(UUID.randomUUID(), "C-001", AccountType.PERSON, BVN_1,
                null, null, OTHER_JOB_INSTANCE, 17L);
        ExistingCustomer byNoImport = new ExistingCustomer(UUID.randomUUID(), "C-002", AccountType.PERSON, BVN_2,
                null, null, null, null);

        ChunkPlan plan = rejecting.plan(rows(person("C-001", BVN_1), person("C-002", BVN_2)),
                List.of(byAnotherImport, byNoImport));

        assertThat(plan.counts()).isEqualTo(new ImportCounts(0, 2, 0, 0, 0));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aBvnHeldByAnotherReferenceIdOfTheSameAccountTypeIsRejectedNamingTheHolder() {
        ExistingCustomer holder = existing("C-HOLDER", AccountType.PERSON, BVN_1);
        ValidatedRow duplicate = row(2, person("C-001", BVN_1));

        ChunkPlan plan = rejecting.plan(List.of(duplicate), List.of(holder));

        assertThat(plan.upserts()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.counts()).isEqualTo(new ImportCounts(0, 0, 0, 1, 0));
        assertThat(plan.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.record()).isSameAs(duplicate.record());
            assertThat(reject.referenceId()).isEqualTo("C-001");
            assertThat(reject.violations()).containsExactly(bvnBelongsTo(BVN_1, "C-HOLDER"));
        });
    }

    @Test
    void anExistingCustomerChangingToABvnHeldByAnotherIsRejectedAndNotUpdated() {
        ExistingCustomer holder = existing("C-HOLDER", AccountType.PERSON, BVN_1);
        ExistingCustomer changer = existing("C-001", AccountType.PERSON, BVN_2);

        ChunkPlan plan = rejecting.plan(rows(person("C-001", BVN_1)), List.of(holder, changer));

        assertThat(plan.upserts()).isEmpty();
        assertThat(plan.counts()).isEqualTo(new ImportCounts(0, 0, 0, 1, 0));
        assertThat(plan.rejects()).singleElement().extracting(RowReject::violations)
                .isEqualTo(List.of(bvnBelongsTo(BVN_1, "C-HOLDER")));
    }

    @Test
    void aRowCarryingTheBvnItsOwnReferenceIdHoldsIsNotADuplicate() {
        ValidCustomer customer = person("C-001", BVN_1);

        ChunkPlan plan = rejecting.plan(rows(customer, customer), List.of(storedAs(customer)));

        assertThat(plan.rejects()).isEmpty();
        assertThat(plan.counts().updated()).isEqualTo(2);
    }

    @Test
    void theSameBvnForTheOtherAccountTypeIsNotADuplicate() {
        ExistingCustomer person = existing("P-HOLDER", AccountType.PERSON, BVN_1);
        ExistingCustomer company = existing("C-HOLDER", AccountType.COMPANY, BVN_2);

        ChunkPlan plan = rejecting.plan(rows(company("C-001", BVN_1), person("P-001", BVN_2)),
                List.of(person, company));

        assertThat(plan.rejects()).isEmpty();
        assertThat(plan.counts()).isEqualTo(new ImportCounts(2, 0, 0, 0, 0));
        assertThat(upsertedReferenceIds(plan)).containsExactly("C-001", "P-001");
    }

    @Test
    void aBvnTakenByAnEarlierRowOfTheChunkIsRejectedNamingThatRowsReferenceId() {
        ChunkPlan plan = rejecting.plan(rows(person("C-001", BVN_1), company("C-002", BVN_1),
                person("C-003", BVN_1)), List.of());

        assertThat(upsertedReferenceIds(plan)).containsExactly("C-001", "C-002");
        assertThat(plan.counts()).isEqualTo(new ImportCounts(2, 0, 0, 1, 0));
        assertThat(plan.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.record().line()).isEqualTo(4);
            assertThat(reject.referenceId()).isEqualTo("C-003");
            assertThat(reject.violations()).containsExactly(bvnBelongsTo(BVN_1, "C-001"));
        });
    }

    @Test
    void withUseExistingADuplicateIsMatchedWithAWarningAndWritesNothing() {
        ExistingCustomer holder = existing("C-HOLDER", AccountType.PERSON, BVN_1);

        ChunkPlan plan = usingExisting.plan(rows(person("C-001", BVN_1), person("C-002", BVN_2),
                person("C-003", BVN_2)), List.of(holder));

        assertThat(upsertedReferenceIds(plan)).containsExactly("C-002");
        assertThat(plan.rejects()).isEmpty();
        assertThat(plan.counts()).isEqualTo(new ImportCounts(1, 0, 2, 0, 2));
        assertThat(plan.warnings()).containsExactly(
                new ImportWarning(2L, "C-001", "bvn", "bvn 220******11 belongs to referenceId C-HOLDER: the row is"
                        + " treated as that existing customer and changes nothing"),
                new ImportWarning(4L, "C-003", "bvn", "bvn 220******22 belongs to referenceId C-002: the row is"
                        + " treated as that existing customer and changes nothing"));
    }

    @Test
    void withUseExistingAMatchedRowDoesNotCreateItsReferenceId() {
        ExistingCustomer holder = existing("C-HOLDER", AccountType.PERSON, BVN_1);

        ChunkPlan plan = usingExisting.plan(rows(person("C-001", BVN_1), person("C-001", BVN_2)), List.of(holder));

        assertThat(plan.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 1));
        assertThat(plan.upserts()).singleElement().satisfies(upsert -> {
            assertThat(upsert.line()).isEqualTo(3);
            assertThat(upsert.customer().bvn()).isEqualTo(BVN_2);
        });
        assertThat(plan.warnings()).extracting(ImportWarning::field).containsExactly("bvn");
    }

    @Test
    void aStoredCustomerChangingItsBvnFreesTheOldOneForALaterRowOfTheChunk() {
        ExistingCustomer changer = existing("C-001", AccountType.PERSON, BVN_1);

        ChunkPlan plan = rejecting.plan(rows(person("C-002", BVN_1), person("C-001", BVN_2),
                person("C-003", BVN_1), person("C-004", BVN_2)), List.of(changer));

        assertThat(plan.rejects()).extracting(reject -> reject.record().line(), RowReject::violations)
                .containsExactly(tuple(2L, List.of(bvnBelongsTo(BVN_1, "C-001"))),
                        tuple(5L, List.of(bvnBelongsTo(BVN_2, "C-001"))));
        assertThat(upsertedReferenceIds(plan)).containsExactly("C-001", "C-003");
        assertThat(plan.counts()).isEqualTo(new ImportCounts(1, 1, 0, 2, 0));
    }

    @Test
    void aCustomerOfTheChunkChangingItsBvnFreesTheOneItTookEarlier() {
        ChunkPlan plan = rejecting.plan(rows(person("C-001", BVN_1), person("C-001", BVN_2),
                person("C-002", BVN_1), person("C-003", BVN_2)), List.of());

        assertThat(upsertedReferenceIds(plan)).containsExactly("C-001", "C-002");
        assertThat(plan.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.referenceId()).isEqualTo("C-003");
            assertThat(reject.violations()).containsExactly(bvnBelongsTo(BVN_2, "C-001"));
        });
        assertThat(plan.counts()).isEqualTo(new ImportCounts(2, 1, 0, 1, 1));
    }

    @Test
    void aRowWithoutBvnLeavesItsCustomerHoldingTheStoredOne() {
        ExistingCustomer stored = existing("C-001", AccountType.PERSON, BVN_1);

        ChunkPlan plan = rejecting.plan(rows(person("C-001", null), person("C-002", BVN_1)), List.of(stored));

        assertThat(upsertedReferenceIds(plan)).containsExactly("C-001");
        assertThat(plan.rejects()).singleElement().extracting(RowReject::violations)
                .isEqualTo(List.of(bvnBelongsTo(BVN_1, "C-001")));
    }

    @Test
    void aCustomerChangingAccountTypeFreesItsBvnForTheOldTypeAndHoldsItForTheNew() {
        ExistingCustomer stored = existing("C-001", AccountType.PERSON, BVN_1);

        ChunkPlan plan = rejecting.plan(rows(company("C-001", BVN_1), person("P-002", BVN_1),
                company("C-003", BVN_1)), List.of(stored));

        assertThat(upsertedReferenceIds(plan)).containsExactly("C-001", "P-002");
        assertThat(plan.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.referenceId()).isEqualTo("C-003");
            assertThat(reject.violations()).containsExactly(bvnBelongsTo(BVN_1, "C-001"));
        });
    }

    private static ValidCustomer reachable(String referenceId, AccountType type, String email, String phone) {
        return new ValidCustomer(referenceId, "Name of " + referenceId, type, null, email, phone, null, null, null,
                Map.of());
    }

    private static ExistingCustomer storedReachable(String referenceId, String email, String phone) {
        return new ExistingCustomer(UUID.randomUUID(), referenceId, AccountType.PERSON, null, email, phone,
                OTHER_JOB_INSTANCE, 3L);
    }

    @Test
    void anEmailAndAPhoneHeldByOtherReferenceIdsAreBothReportedNamingTheirHolders() {
        ExistingCustomer emailHolder = storedReachable("C-MAIL", "ada@example.com", null);
        ExistingCustomer phoneHolder = storedReachable("C-PHONE", null, "+2348031234567");

        ChunkPlan plan = rejecting.plan(rows(
                reachable("C-001", AccountType.PERSON, "ada@example.com", "+2348031234567"),
                reachable("C-002", AccountType.COMPANY, "ada@example.com", "+2348031234567")),
                List.of(emailHolder, phoneHolder));

        assertThat(upsertedReferenceIds(plan)).containsExactly("C-002");
        assertThat(plan.rejects()).singleElement().extracting(RowReject::violations).isEqualTo(List.of(
                new Violation("email", "email a***@example.com already belongs to referenceId C-MAIL"),
                new Violation("phone", "phone +23*********67 already belongs to referenceId C-PHONE")));
    }

    @Test
    void aCustomerChangingItsEmailFreesTheOldOneForALaterRowAndHoldsTheNewOne() {
        ExistingCustomer stored = storedReachable("C-001", "old@example.com", null);

        ChunkPlan plan = rejecting.plan(rows(reachable("C-001", AccountType.PERSON, "new@example.com", null),
                reachable("C-002", AccountType.PERSON, "old@example.com", null),
                reachable("C-003", AccountType.PERSON, "new@example.com", null)), List.of(stored));

        assertThat(upsertedReferenceIds(plan)).containsExactly("C-001", "C-002");
        assertThat(plan.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.referenceId()).isEqualTo("C-003");
            assertThat(reject.violations()).containsExactly(
                    new Violation("email", "email n***@example.com already belongs to referenceId C-001"));
        });
    }

    @Test
    void customersStoredSharingAnEmailMayEachRestateItButNoOtherMayTakeIt() {
        ChunkPlan plan = rejecting.plan(rows(reachable("C-001", AccountType.PERSON, "family@example.com", null),
                reachable("C-002", AccountType.PERSON, "family@example.com", null),
                reachable("C-003", AccountType.PERSON, "family@example.com", null)),
                List.of(storedReachable("C-002", "family@example.com", null),
                        storedReachable("C-001", "family@example.com", null)));

        assertThat(upsertedReferenceIds(plan)).containsExactly("C-001", "C-002");
        assertThat(plan.rejects()).singleElement().extracting(RowReject::violations).isEqualTo(List.of(
                new Violation("email", "email f***@example.com already belongs to referenceId C-001")));
    }

    @Test
    void aRowIsMatchedOnlyWhenEveryIdentityItSharesIsOneTheFeedMatchesBy() {
        ChunkPlanner emailMatching = new ChunkPlanner(new IdentityDuplicates(IdentityDuplicatePolicy.REJECT,
                IdentityDuplicatePolicy.MATCH, IdentityDuplicatePolicy.REJECT), JOB_INSTANCE);
        ExistingCustomer holder = storedReachable("C-HOLDER", "ada@example.com", "+2348031234567");

        ChunkPlan plan = emailMatching.plan(rows(reachable("C-001", AccountType.PERSON, "ada@example.com", null),
                reachable("C-002", AccountType.PERSON, "ada@example.com", "+2348031234567")), List.of(holder));

        assertThat(plan.upserts()).isEmpty();
        assertThat(plan.matchedLines()).containsExactly(2L);
        assertThat(plan.warnings()).containsExactly(new ImportWarning(2L, "C-001", "email",
                "email a***@example.com belongs to referenceId C-HOLDER: the row is treated as that existing"
                        + " customer and changes nothing"));
        assertThat(plan.rejects()).singleElement().extracting(RowReject::violations).isEqualTo(List.of(
                new Violation("phone", "phone +23*********67 already belongs to referenceId C-HOLDER")));
        assertThat(plan.counts()).isEqualTo(new ImportCounts(0, 0, 1, 1, 1));
    }

    @Test
    void aRowThatFailedValidationBecomesARejectWithItsViolations() {
        List<Violation> violations = List.of(new Violation("bvn", "bvn must be exactly 11 digits"),
                new Violation("email", "not a valid email address"));
        CustomerRecord record = new CustomerRecord(2, new String[] {"C-001", "Ada"});

        ChunkPlan plan = rejecting.plan(List.of(ValidatedRow.rejected(record, "C-001", violations)), List.of());

        assertThat(plan.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.record()).isSameAs(record);
            assertThat(reject.referenceId()).isEqualTo("C-001");
            assertThat(reject.violations()).isEqualTo(violations);
        });
        assertThat(plan.upserts()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.counts()).isEqualTo(new ImportCounts(0, 0, 0, 1, 0));
    }

    @Test
    void aRowThatFailedValidationLeavesTheStateUntouched() {
        ExistingCustomer stored = existing("C-002", AccountType.PERSON, BVN_2);
        List<ValidatedRow> rows = List.of(
                ValidatedRow.rejected(new CustomerRecord(2, new String[] {"C-001"}), "C-001",
                        List.of(new Violation("name", "name is required"))),
                ValidatedRow.rejected(new CustomerRecord(3, new String[] {"C-002"}), "C-002",
                        List.of(new Violation("name", "name is required"))),
                ValidatedRow.rejected(new CustomerRecord(4, new String[] {""}), null,
                        List.of(new Violation("referenceId", "referenceId is required"))),
                row(5, person("C-001", BVN_1)),
                row(6, person("C-002", BVN_2)));

        ChunkPlan plan = rejecting.plan(rows, List.of(stored));

        assertThat(plan.counts()).isEqualTo(new ImportCounts(1, 1, 0, 3, 0));
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.rejects()).extracting(RowReject::referenceId).containsExactly("C-001", "C-002", null);
        assertThat(plan.upserts()).extracting(CustomerUpsert::line).containsExactly(5L, 6L);
        assertThat(plan.upserts().get(1).id()).isEqualTo(stored.id());
    }
}
