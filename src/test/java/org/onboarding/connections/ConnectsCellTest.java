package org.onboarding.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onboarding.connections.ConnectsCell.Entry;
import org.onboarding.feed.AccountType;

import tools.jackson.databind.json.JsonMapper;

class ConnectsCellTest {

    private final ConnectsCell cell = new ConnectsCell(JsonMapper.builder().build());

    @Test
    void readsTheCompactFormWithTheLastColonSeparatingReferenceIdAndRole() {
        assertThat(cell.parse(" COMP-001:DIRECTOR | TRUST:002:ubo ||")).containsExactly(
                new Entry("COMP-001", "DIRECTOR", null), new Entry("TRUST:002", "ubo", null));
    }

    @Test
    void readsTheApisJsonArray() {
        assertThat(cell.parse("[{\"referenceId\":\"COMP-001\",\"role\":\"DIRECTOR\"},{\"referenceId\":550,\"role\":\"UBO\"}]"))
                .containsExactly(new Entry("COMP-001", "DIRECTOR", null), new Entry("550", "UBO", null));
    }

    @Test
    void anUnreadableCompactEntryIsAnErrorWhileTheOthersStillCount() {
        List<Entry> entries = cell.parse("COMP-001|COMP-002:SHAREHOLDER|:UBO|COMP-003:");

        assertThat(entries).hasSize(4);
        assertThat(entries.get(0).error()).isEqualTo("connects entry 'COMP-001' is not written referenceId:ROLE");
        assertThat(entries.get(1)).isEqualTo(new Entry("COMP-002", "SHAREHOLDER", null));
        assertThat(entries.get(2).relatedReferenceId()).isNull();
        assertThat(entries.get(2).error()).isNotNull();
        assertThat(entries.get(3).relatedReferenceId()).isEqualTo("COMP-003");
        assertThat(entries.get(3).error()).isNotNull();
    }

    @Test
    void malformedJsonIsOneErrorAndAnItemWithoutARoleIsAnotherItemsError() {
        assertThat(cell.parse("[{\"referenceId\":\"COMP-001\"")).singleElement()
                .satisfies(entry -> assertThat(entry.error()).startsWith("connects is not a valid JSON array"));
        assertThat(cell.parse("[{\"referenceId\":\"COMP-001\"},{\"referenceId\":\"COMP-002\",\"role\":\"UBO\"}]"))
                .satisfies(entries -> {
                    assertThat(entries.get(0).relatedReferenceId()).isEqualTo("COMP-001");
                    assertThat(entries.get(0).error()).contains("needs a referenceId and a role");
                    assertThat(entries.get(1)).isEqualTo(new Entry("COMP-002", "UBO", null));
                });
    }

    @ParameterizedTest
    @CsvSource({"ubo,UBO,true,false", "Director,DIRECTOR,true,false", "authorized_person,AUTHORIZED_PERSON,true,false",
            "SHAREHOLDER,SHAREHOLDER,true,true", "bank_account,BANK_ACCOUNT,true,true", "ACCOUNT_HOLDER,ACCOUNT_HOLDER,true,true"})
    void rolesMatchWhateverTheirCaseAndSayWhoMayHoldThem(String written, ConnectionRole role, boolean person,
            boolean company) {
        assertThat(ConnectionRole.named(written)).contains(role);
        assertThat(role.mayBeHeldBy(AccountType.PERSON)).isEqualTo(person);
        assertThat(role.mayBeHeldBy(AccountType.COMPANY)).isEqualTo(company);
    }

    @Test
    void anUnknownRoleHasNoName() {
        assertThat(ConnectionRole.named("FOUNDER")).isEmpty();
    }
}
