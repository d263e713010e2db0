package org.onboarding.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.feed.FileLimits;

/**
 * The file's CSV is read strictly but not brittly: a stray quote refuses the file at its line
 * instead of swallowing the rows after it, while everything RFC 4180 allows reads exactly, and the
 * limits refuse a file before one record can fill memory.
 */
class StrictCsvTest {

    private static final String HEADER = "referenceId,name,accountTypeId,bvn,email";

    @TempDir
    Path directory;

    private final FileInspector inspector = new FileInspector();

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private List<CustomerRecord> read(Path file) throws IOException {
        List<CustomerRecord> records = new ArrayList<>();
        try (CustomerRecords reader = CustomerCsv.open(file, StandardCharsets.UTF_8, FileLimits.DEFAULTS)) {
            for (CustomerRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    @Test
    void aQuoteClosedBeforeTheCellEndsRefusesTheFileAtItsLineInsteadOfSwallowingTheRowsAfterIt() throws IOException {
        StringBuilder content = new StringBuilder(HEADER + "\n");
        for (int row = 1; row <= 9; row++) {
            String name = switch (row) {
                case 3 -> "\"Ebuka\" Obi";
                case 8 -> "\"Eze, Nwosu & Partners\"";
                default -> "Name " + row;
            };
            content.append("SY-000").append(row).append(',').append(name).append(",1,221000001")
                    .append(String.format("%02d", row)).append(",a").append(row).append("@example.com\n");
        }
        Path file = write("stray.csv", content.toString());

        assertThatThrownBy(() -> inspector.inspect(file, StandardCharsets.UTF_8, FileLimits.DEFAULTS))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageStartingWith(file + ": line 4: a quoted cell must end at its closing quote")
                .hasMessageNotContaining("22100000103").hasMessageNotContaining("@example.com")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aQuoteInsideACellThatDoesNotStartWithOneIsALiteralCharacter() throws IOException {
        Path file = write("literal.csv", HEADER + "\nC-1,Lat 37°36'37.8\"N,1,22100000001,\n");

        assertThat(read(file)).singleElement().satisfies(record ->
                assertThat(record.cells()[1]).isEqualTo("Lat 37°36'37.8\"N"));
    }

    @Test
    void everythingRfc4180AllowsReadsExactly() throws IOException {
        Path file = write("rfc.csv", HEADER + "\r\n"
                + "C-1,\"Okafor, \"\"Ada\"\"\",1,,\r\n"
                + "C-2,\"two\r\nlines\",1,\"\",\r\n"
                + "C-3,\"\",2,22100000003,x@example.com");

        List<CustomerRecord> records = read(file);

        assertThat(records).extracting(CustomerRecord::line).containsExactly(2L, 3L, 5L);
        assertThat(records.get(0).cells()).containsExactly("C-1", "Okafor, \"Ada\"", "1", "", "");
        assertThat(records.get(1).cells()[1]).as("a CRLF inside a quoted cell of a CRLF file").isEqualTo("two\r\nlines");
        assertThat(records.get(2).cells()).containsExactly("C-3", "", "2", "22100000003", "x@example.com");
    }

    @Test
    void anUnclosedQuoteRefusesTheFileNamingTheLineItOpensOn() throws IOException {
        Path file = write("unclosed.csv", HEADER + "\nC-1,Ada,1,,\nC-2,\"Obi,1,,\nC-3,Eze,1,,\n");

        assertThatThrownBy(() -> inspector.inspect(file, StandardCharsets.UTF_8, FileLimits.DEFAULTS))
                .hasMessage(file + ": line 3: a quoted cell is never closed: its opening quote has no closing"
                        + " quote before the end of the file");
    }

    @Test
    void aSingleLineOverTheRecordLimitIsRefusedBeforeItFillsMemory() throws IOException {
        Path file = directory.resolve("long-line.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\nC-1,").getBytes(StandardCharsets.US_ASCII));
            byte[] block = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 300; i++) {
                out.write(block);
            }
            out.write(",1,,\n".getBytes(StandardCharsets.US_ASCII));
        }

        assertThatThrownBy(() -> inspector.inspect(file, StandardCharsets.UTF_8, FileLimits.DEFAULTS))
                .hasMessageStartingWith(file + ": line 2: the record starting here is longer than 1,048,576 bytes,"
                        + " the feed's limit (limits.recordBytes)");
    }

    @Test
    void anUnclosedQuoteNearTheTopOfALargeFileIsRefusedAtTheLimitNamingItsLine() throws IOException {
        StringBuilder content = new StringBuilder(HEADER + "\nC-0,\"never closed,1,,\n");
        for (int row = 1; row < 100_000; row++) {
            content.append("C-").append(row).append(",Name ").append(row).append(",1,,\n");
        }
        Path file = write("unclosed-large.csv", content.toString());

        assertThatThrownBy(() -> inspector.inspect(file, StandardCharsets.UTF_8, FileLimits.DEFAULTS))
                .hasMessageStartingWith(file + ": line 2: the record starting here is longer than");
    }

    @Test
    void aFeedsLimitsOnCellsAndColumnsRefuseTheFileNamingLineColumnAndLimit() throws IOException {
        Path wideCell = write("cell.csv", HEADER + "\nC-1,Ada,1,,\nC-2," + "n".repeat(2_000) + ",1,,\n");
        Path manyCells = write("columns.csv", HEADER + "\nC-1,Ada,1,,,,,,,,,\n");
        FileLimits limits = new FileLimits(4_096L, 1_000, 10);

        assertThatThrownBy(() -> inspector.inspect(wideCell, StandardCharsets.UTF_8, limits))
                .hasMessage(wideCell + ": line 3, column 2: the cell holds 2,000 characters; the feed's limit is"
                        + " 1,000 (limits.cellCharacters)");
        assertThatThrownBy(() -> inspector.inspect(manyCells, StandardCharsets.UTF_8, limits))
                .hasMessage(manyCells + ": line 2: the record has 12 cells; the feed's limit is 10 (limits.columns)");
    }
}
