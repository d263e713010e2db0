package org.onboarding.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.feed.FileLimits;

/**
 * Random files of quotes, commas, line breaks of every kind, byte order marks, multi-byte
 * characters and plain text: the reader only ever refuses a file with the documented one-line
 * message, or reads exactly the records an independent strict RFC 4180 reading finds, cells and
 * lines alike, and a restart from any record's saved position reads the same records after it.
 */
class CsvReaderPropertyTest {

    private static final String[] PIECES = {"a", "b", "é", "😀", " ", ",", ",", "\"", "\"", "\"\"", "\n", "\r\n",
            "\r", "x\"y", "\"q\"", "\"a,b\"", "\uFEFF"};
    private static final Pattern REFUSAL = Pattern.compile(".*: line \\d+(, column \\d+)?: [^\\n]+");

    @TempDir
    Path directory;

    @RepeatedTest(400)
    void readsWhatAStrictReadingFindsOrRefusesWithOneLine(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder content = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "").append("h1,h2\n");
        int pieces = random.nextInt(60);
        for (int i = 0; i < pieces; i++) {
            content.append(PIECES[random.nextInt(PIECES.length)]);
        }
        Path file = Files.writeString(directory.resolve("fuzz.csv"), content.toString());

        List<Expected> expected = strictReading(content.toString().replaceFirst("^\uFEFF", ""));
        List<CustomerRecord> actual = new ArrayList<>();
        List<FilePosition> positions = new ArrayList<>();
        String refusal = null;
        try (CustomerRecords records = CustomerCsv.open(file, StandardCharsets.UTF_8, FileLimits.DEFAULTS)) {
            for (CustomerRecord record = records.next(); record != null; record = records.next()) {
                actual.add(record);
                positions.add(records.position());
            }
        } catch (UnimportableFileException e) {
            refusal = e.getMessage();
        }

        if (expected == null) {
            assertThat(refusal).as("refused: %s", content).isNotNull().matches(REFUSAL);
            return;
        }
        assertThat(refusal).as("%s", content).isNull();
        assertThat(actual).as("%s", content).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).cells()).as("%s", content).containsExactly(expected.get(i).cells());
            assertThat(actual.get(i).line()).as("%s", content).isEqualTo(expected.get(i).line());
        }
        if (!positions.isEmpty()) {
            int from = random.nextInt(positions.size());
            try (CustomerRecords restarted = CustomerCsv.open(file, file, StandardCharsets.UTF_8,
                    FileLimits.DEFAULTS, positions.get(from))) {
                for (int i = from + 1; i < expected.size(); i++) {
                    CustomerRecord record = restarted.next();
                    assertThat(record.cells()).as("after a restart, %s", content).containsExactly(expected.get(i).cells());
                    assertThat(record.line()).isEqualTo(expected.get(i).line());
                }
                assertThat(restarted.next()).isNull();
            }
        }
    }

    private record Expected(long line, String[] cells) {
    }

    /**
     * An independent strict reading: records end at CR, LF or CRLF outside quotes; a cell that
     * starts with a quote ends at a lone quote followed (past white space) by a comma, a line break or the end;
     * anything else refuses the file (null). The header is dropped, blank records are skipped.
     */
    private static List<Expected> strictReading(String text) {
        List<Expected> records = new ArrayList<>();
        int i = 0;
        long line = 1;
        boolean header = true;
        while (i < text.length()) {
            long start = line;
            List<String> cells = new ArrayList<>();
            boolean recordEnded = false;
            while (!recordEnded) {
                StringBuilder cell = new StringBuilder();
                if (i < text.length() && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= text.length()) {
                            return null;
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                                cell.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                            line++;
                        }
                        cell.append(c);
                        i++;
                    }
                    // White space between the closing quote and the comma is passed over, as Commons CSV does.
                    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r'
                            && Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        return null;
                    }
                } else {
                    while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        cell.append(text.charAt(i++));
                    }
                }
                cells.add(cell.toString());
                if (i >= text.length()) {
                    recordEnded = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    i += text.startsWith("\r\n", i) ? 2 : 1;
                    line++;
                    recordEnded = true;
                }
            }
            boolean blank = cells.stream().allMatch(String::isBlank);
            if (!blank) {
                if (header) {
                    header = false;
                } else {
                    records.add(new Expected(start, cells.toArray(String[]::new)));
                }
            }
        }
        return records;
    }
}
