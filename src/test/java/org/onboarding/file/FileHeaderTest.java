package org.onboarding.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onboarding.feed.FieldDefinition;
import org.onboarding.feed.FieldType;

class FileHeaderTest {

    private static final Path FILE = Path.of("customers.csv");

    private final FieldDefinition dateOfBirth = definition("date_of_birth");
    private final FieldDefinition occupation = definition("occupation");

    private static FieldDefinition definition(String name) {
        return new FieldDefinition(UUID.randomUUID(), name, FieldType.TEXT, Set.of(), List.of());
    }

    private FileHeader resolve(String... cells) {
        return FileHeader.resolve(FILE, cells, List.of(dateOfBirth, occupation));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name,accountTypeId                | referenceId",
            "referenceId,accountTypeId         | name",
            "referenceId,name,email            | accountTypeId",
            "email,phone                       | referenceId, name, accountTypeId"})
    void refusesAHeaderWithoutARequiredColumnNamingIt(String header, String missing) {
        assertThatThrownBy(() -> resolve(header.split(",")))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining(FILE.toString())
                .hasMessageContaining("the header has no " + missing + " column");
    }

    @Test
    void refusesAColumnNamedTwiceEvenWrittenDifferently() {
        assertThatThrownBy(() -> resolve("referenceId", "name", "accountTypeId", "Reference ID"))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("columns 1 ('referenceId') and 4 ('Reference ID') name the same field");
    }

    @Test
    void refusesACustomColumnNamedTwice() {
        assertThatThrownBy(() -> resolve("referenceId", "name", "accountTypeId", "occupation", "OCCUPATION"))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("columns 4 ('occupation') and 5 ('OCCUPATION')");
    }

    @Test
    void stripsAByteOrderMarkFromTheFirstCell() {
        FileHeader header = resolve("\uFEFFreferenceId", "name", "accountTypeId");

        assertThat(header.names()).containsExactly("referenceId", "name", "accountTypeId");
        assertThat(header.indexOf(StandardColumn.REFERENCE_ID)).isZero();
        assertThat(header.unknownColumns()).isEmpty();
    }

    @Test
    void matchesStandardColumnsCaseAndSeparatorInsensitively() {
        FileHeader header = resolve(" Name ", "Account Type ID", "REFERENCE_ID", "BVN", "ID Type", "id-number");

        assertThat(header.indexOf(StandardColumn.NAME)).isEqualTo(0);
        assertThat(header.indexOf(StandardColumn.ACCOUNT_TYPE_ID)).isEqualTo(1);
        assertThat(header.indexOf(StandardColumn.REFERENCE_ID)).isEqualTo(2);
        assertThat(header.indexOf(StandardColumn.BVN)).isEqualTo(3);
        assertThat(header.indexOf(StandardColumn.ID_TYPE)).isEqualTo(4);
        assertThat(header.indexOf(StandardColumn.ID_NUMBER)).isEqualTo(5);
        assertThat(header.has(StandardColumn.EMAIL)).isFalse();
        assertThat(header.indexOf(StandardColumn.EMAIL)).isEqualTo(-1);
        assertThat(header.names()).first().isEqualTo("Name");
    }

    @Test
    void matchesCustomColumnsCaseAndSeparatorInsensitively() {
        FileHeader header = resolve("referenceId", "name", "accountTypeId", "Date Of Birth", "OCCUPATION");

        assertThat(header.customColumns()).containsExactly(
                new CustomColumn(3, "Date Of Birth", dateOfBirth),
                new CustomColumn(4, "OCCUPATION", occupation));
        assertThat(header.unknownColumns()).isEmpty();
    }

    @Test
    void listsColumnsThatMatchNothing() {
        FileHeader header = resolve("referenceId", "name", "Favourite Colour", "accountTypeId", "", "--");

        assertThat(header.unknownColumns()).containsExactly("Favourite Colour", "(column 5 has no name)", "--");
        assertThat(header.customColumns()).isEmpty();
    }

    @Test
    void aCellIsTrimmedAndBlankOrAbsentCellsAreNull() {
        FileHeader header = resolve("referenceId", "name", "accountTypeId", "email");

        assertThat(header.cell(new String[] {"  C-1\t", "Ada", "1", "a@b.ng"}, StandardColumn.REFERENCE_ID))
                .isEqualTo("C-1");
        assertThat(header.cell(new String[] {"C-1", "Ada", "1", "   "}, StandardColumn.EMAIL)).isNull();
        assertThat(header.cell(new String[] {"C-1", "Ada"}, StandardColumn.EMAIL)).isNull();
        assertThat(header.cell(new String[] {"C-1", "Ada", "1", "a@b.ng"}, StandardColumn.PHONE)).isNull();
    }
}
