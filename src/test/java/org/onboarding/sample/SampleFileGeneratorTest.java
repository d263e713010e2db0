package org.onboarding.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.validator.routines.EmailValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;

class SampleFileGeneratorTest {

    private static final String HEADER_LINE = "referenceId,name,accountTypeId,bvn,email,phone,id_type,id_number,"
            + "third_party_identifier,occupation,date_of_birth,state,connects";
    private static final int ROWS = 5_000;
    private static final long SEED = 42L;

    private final SampleFileGenerator generator = new SampleFileGenerator();

    @TempDir
    Path dir;

    @Test
    void sameSeedAndRowCountGiveByteIdenticalFiles() throws IOException {
        Path first = generate("first.csv", ROWS, SEED);
        Path second = generate("second.csv", ROWS, SEED);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void anotherSeedGivesAnotherFile() throws IOException {
        Path first = generate("first.csv", ROWS, SEED);
        Path other = generate("other.csv", ROWS, SEED + 1);

        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void startsWithTheHeaderWithoutByteOrderMarkAndUsesLfLineEndings() throws IOException {
        Path file = generate("sample.csv", ROWS, SEED);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(bytes[0]).isEqualTo((byte) 'r');
        assertThat(text).startsWith(HEADER_LINE + "\n").doesNotContain("\r").endsWith("\n");
    }

    @Test
    void writesOneRecordOfThirteenCellsPerRow() throws IOException {
        List<String[]> records = records(generate("sample.csv", ROWS, SEED));

        assertThat(records).hasSize(ROWS);
        assertThat(records).allSatisfy(cells -> assertThat(cells).hasSize(13));
    }

    @Test
    void zeroRowsGiveTheHeaderOnly() throws IOException {
        Path file = generate("empty.csv", 0, SEED);

        assertThat(Files.readString(file)).isEqualTo(HEADER_LINE + "\n");
    }

    @Test
    void createsMissingParentFolders() throws IOException {
        Path file = dir.resolve("reports").resolve("nested").resolve("sample.csv");

        generator.write(file, 3, SEED);

        assertThat(records(file)).hasSize(3);
    }

    @Test
    void refusesARowCountItCannotKeepUnique() {
        assertThatThrownBy(() -> generator.write(dir.resolve("x.csv"), SampleFileGenerator.MAX_ROWS + 1, SEED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.write(dir.resolve("x.csv"), -1, SEED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bvnsAreElevenDigitsAndUnique() throws IOException {
        List<String[]> records = records(generate("sample.csv", ROWS, SEED));

        assertThat(records).extracting(cells -> cells[3]).allMatch(bvn -> bvn.matches("[0-9]{11}"))
                .doesNotHaveDuplicates();
    }

    @Test
    void referenceIdsAreUniqueAndMatchTheAccountType() throws IOException {
        List<String[]> records = records(generate("sample.csv", ROWS, SEED));

        assertThat(records).extracting(cells -> cells[0]).doesNotHaveDuplicates();
        for (int i = 0; i < records.size(); i++) {
            String[] cells = records.get(i);
            String number = String.format("%07d", i + 1);
            assertThat(cells[0]).isIn("CUS-" + number, "COMP-" + number);
            assertThat(cells[2]).isEqualTo(cells[0].startsWith("CUS-") ? "1" : "2");
        }
        long companies = records.stream().filter(cells -> cells[2].equals("2")).count();
        assertThat(companies).isBetween(ROWS * 10L / 100, ROWS * 20L / 100);
    }

    @Test
    void connectsPointOnlyToCompaniesOnEarlierLines() throws IOException {
        List<String[]> records = records(generate("sample.csv", ROWS, SEED));
        Map<String, String> accountTypeSeen = new HashMap<>();
        int withConnects = 0;

        for (String[] cells : records) {
            if (!cells[12].isEmpty()) {
                withConnects++;
                assertThat(cells[2]).as("only persons connect").isEqualTo("1");
                for (String link : cells[12].split("\\|")) {
                    String[] parts = link.split(":");
                    assertThat(parts).hasSize(2);
                    assertThat(accountTypeSeen).as("target of %s", cells[0]).containsEntry(parts[0], "2");
                    assertThat(parts[1]).isIn("DIRECTOR", "UBO", "SHAREHOLDER", "AUTHORIZED_PERSON");
                }
            }
            accountTypeSeen.put(cells[0], cells[2]);
        }
        assertThat(withConnects).isGreaterThan(ROWS * 5 / 100);
    }

    @Test
    void companyNamesWithACommaAreQuotedAndRoundTrip() throws IOException {
        Path file = generate("sample.csv", ROWS, SEED);
        List<String[]> records = records(file);
        String text = Files.readString(file);

        List<String> commaNames = records.stream().map(cells -> cells[1]).filter(name -> name.contains(",")).toList();

        assertThat(commaNames).isNotEmpty();
        assertThat(commaNames).allSatisfy(name -> {
            assertThat(name).matches("[^,]+, [^,]+ & Partners");
            assertThat(text).contains(",\"" + name + "\",2,");
        });
    }

    @Test
    void namesIncludeDiacriticsAndEmailsAreAsciiLowerCaseValidAndUnique() throws IOException {
        List<String[]> records = records(generate("sample.csv", ROWS, SEED));
        EmailValidator emails = EmailValidator.getInstance(false, false);

        assertThat(records).extracting(cells -> cells[1]).anyMatch(name -> !name.matches("\\p{ASCII}*"));
        assertThat(records).extracting(cells -> cells[4])
                .allMatch(email -> email.matches("[a-z0-9.]+@example\\.com"))
                .allMatch(emails::isValid)
                .doesNotHaveDuplicates();
    }

    @Test
    void phonesAreValidNigerianMobilesInBothFormatsAndUnique() throws IOException, NumberParseException {
        List<String[]> records = records(generate("sample.csv", ROWS, SEED));
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        Set<String> e164 = new HashSet<>();
        int international = 0;

        for (String[] cells : records) {
            PhoneNumber number = phones.parse(cells[5], "NG");
            assertThat(phones.getNumberType(number)).as(cells[5]).isEqualTo(PhoneNumberUtil.PhoneNumberType.MOBILE);
            assertThat(e164.add(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))).as(cells[5]).isTrue();
            if (cells[5].startsWith("+234")) {
                international++;
            } else {
                assertThat(cells[5]).matches("0[789][01][0-9]{8}");
            }
        }
        assertThat(international).isBetween(ROWS * 15 / 100, ROWS * 25 / 100);
    }

    @Test
    void personsCarryKycFieldsAndCompaniesLeaveThemEmpty() throws IOException {
        List<String[]> records = records(generate("sample.csv", ROWS, SEED));
        LocalDate earliest = LocalDate.of(1950, 1, 1);
        LocalDate latest = LocalDate.of(2005, 12, 31);

        for (String[] cells : records) {
            assertThat(cells[11]).isNotEmpty();
            assertThat(cells[8]).matches("|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            if (cells[2].equals("1")) {
                assertThat(cells[9]).isNotEmpty();
                assertThat(LocalDate.parse(cells[10])).isBetween(earliest, latest);
                assertIdDocument(cells[6], cells[7]);
            } else {
                assertThat(new String[] {cells[6], cells[7], cells[9], cells[10], cells[12]}).containsOnly("");
            }
        }
    }

    private static void assertIdDocument(String type, String number) {
        switch (type) {
            case "nin" -> assertThat(number).matches("[0-9]{11}");
            case "international_passport" -> assertThat(number).matches("A[0-9]{8}");
            default -> assertThat(type + number).isEmpty();
        }
    }

    private Path generate(String name, long rows, long seed) throws IOException {
        Path file = dir.resolve(name);
        generator.write(file, rows, seed);
        return file;
    }

    /** The data records (header checked and dropped), parsed as the import parses: RFC 4180. */
    private static List<String[]> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReader csv = new CSVReaderBuilder(reader)
                     .withCSVParser(new RFC4180ParserBuilder().build())
                     .build()) {
            assertThat(csv.readNext()).containsExactly(HEADER_LINE.split(","));
            List<String[]> records = new ArrayList<>();
            for (String[] cells = csv.readNext(); cells != null; cells = csv.readNext()) {
                records.add(cells);
            }
            return records;
        } catch (CsvValidationException e) {
            throw new IOException(e);
        }
    }
}
