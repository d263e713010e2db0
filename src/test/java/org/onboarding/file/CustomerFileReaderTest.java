package org.onboarding.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.feed.FileLimits;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class CustomerFileReaderTest {

    /**
     * Line 1 header; record 1 on line 2; a blank line 3; record 2 spans lines 4-6; a line of
     * commas 7; record 3 on line 8; blank line 9; record 4 on line 10; record 5 on line 11.
     */
    private static final String FILE = """
            referenceId,name,accountTypeId
            C-1,Ada,1

            C-2,"Okafor, Ada ""Ada""
            Second line
            Third line",1
            ,,
            C-3,Obi,2

            C-4,Eze,1
            C-5,Ngozi,2
            """;

    @TempDir
    Path directory;

    private final List<CustomerFileReader> opened = new ArrayList<>();

    @AfterEach
    void closeReaders() {
        opened.forEach(CustomerFileReader::close);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("customers.csv"), content);
    }

    private CustomerFileReader open(Path file, Charset charset, ExecutionContext context) {
        CustomerFileReader reader = new CustomerFileReader(file, charset, FileLimits.DEFAULTS);
        opened.add(reader);
        reader.open(context);
        return reader;
    }

    private CustomerFileReader open(Path file) {
        return open(file, StandardCharsets.UTF_8, new ExecutionContext());
    }

    private static List<CustomerRecord> readAll(CustomerFileReader reader) throws Exception {
        List<CustomerRecord> records = new ArrayList<>();
        for (CustomerRecord record = reader.read(); record != null; record = reader.read()) {
            records.add(record);
        }
        return records;
    }

    private static void assertRecord(CustomerRecord record, long line, String... cells) {
        assertThat(record.line()).as("line of %s", record.cells()[0]).isEqualTo(line);
        assertThat(record.cells()).containsExactly(cells);
    }

    @Test
    void readsEachRecordWithThePhysicalLineItStartsOn() throws Exception {
        List<CustomerRecord> records = readAll(open(write(FILE)));

        assertThat(records).extracting(CustomerRecord::line).containsExactly(2L, 4L, 8L, 10L, 11L);
        assertRecord(records.get(1), 4, "C-2", "Okafor, Ada \"Ada\"\nSecond line\nThird line", "1");
    }

    @Test
    void lineNumbersCountCrLfLineEndingsOnceAndCellsKeepNoCarriageReturn() throws Exception {
        List<CustomerRecord> records = readAll(open(write(FILE.replace("\n", "\r\n"))));

        assertThat(records).extracting(CustomerRecord::line).containsExactly(2L, 4L, 8L, 10L, 11L);
        assertRecord(records.get(0), 2, "C-1", "Ada", "1");
        assertRecord(records.get(4), 11, "C-5", "Ngozi", "2");
    }

    @Test
    void skipsAByteOrderMarkAndBlankLinesBeforeTheHeader() throws Exception {
        List<CustomerRecord> records = readAll(open(write("\uFEFF\n\nreferenceId,name,accountTypeId\nC-1,Ada,1\n")));

        assertThat(records).singleElement().satisfies(record -> assertRecord(record, 4, "C-1", "Ada", "1"));
    }

    @Test
    void aHeaderOnlyFileHasNoRecords() throws Exception {
        assertThat(open(write("referenceId,name,accountTypeId\n")).read()).isNull();
    }

    @Test
    void refusesAFileWithoutAHeaderLine() throws IOException {
        Path blank = write("\n,,\n");

        assertThatThrownBy(() -> open(blank))
                .isInstanceOf(ItemStreamException.class)
                .hasCauseInstanceOf(UnimportableFileException.class)
                .cause().hasMessageContaining("no header line");
    }

    @Test
    void decodesTheFileInItsCharset() throws Exception {
        Path file = Files.write(directory.resolve("latin.csv"),
                "referenceId,name,accountTypeId\nC-1,Jos\u00E9 Ren\u00E9e,1\n".getBytes("windows-1252"));

        CustomerRecord record = open(file, Charset.forName("windows-1252"), new ExecutionContext()).read();

        assertRecord(record, 2, "C-1", "Jos\u00E9 Ren\u00E9e", "1");
    }

    @Test
    void restartResumesAfterTheRecordsCommittedBeforeWithTheirLineNumbers() throws Exception {
        Path file = write(FILE);
        ExecutionContext context = new ExecutionContext();
        CustomerFileReader first = open(file, StandardCharsets.UTF_8, context);
        for (int i = 0; i < 3; i++) {
            assertThat(first.read()).isNotNull();
        }
        first.update(context);
        first.close();

        CustomerFileReader restarted = open(file, StandardCharsets.UTF_8, context);

        assertRecord(restarted.read(), 10, "C-4", "Eze", "1");
        assertRecord(restarted.read(), 11, "C-5", "Ngozi", "2");
        assertThat(restarted.read()).isNull();
    }

    @Test
    void restartSeeksToTheByteTheNextRecordStartsAtInsteadOfReadingFromTheTop() throws Exception {
        String content = "\uFEFF" + FILE.replace("Ada,1", "Adébáyọ̀ 😀,1").replace("\n", "\r\n");
        Path file = write(content);
        ExecutionContext context = new ExecutionContext();
        CustomerFileReader first = open(file, StandardCharsets.UTF_8, context);
        for (int i = 0; i < 3; i++) {
            first.read();
        }
        first.update(context);
        first.close();
        // An unclosed quote before that byte would swallow every later line if the file were read again from the top.
        byte[] bytes = Files.readAllBytes(file);
        int header = content.indexOf("C-1") + 3;
        bytes[header] = '"';
        Files.write(file, bytes);

        CustomerFileReader restarted = open(file, StandardCharsets.UTF_8, context);

        assertRecord(restarted.read(), 10, "C-4", "Eze", "1");
        assertRecord(restarted.read(), 11, "C-5", "Ngozi", "2");
        assertThat(restarted.position()).isEqualTo(new FilePosition(5, Files.size(file), 11));
        assertThat(restarted.read()).isNull();
    }

    @Test
    void restartResumesInASingleByteCharsetAndReadsItsWayThereInOthers() throws Exception {
        for (Charset charset : List.of(Charset.forName("windows-1252"), StandardCharsets.UTF_16)) {
            Path file = Files.write(directory.resolve("other.csv"),
                    FILE.replace("Obi", "Chloé").getBytes(charset));
            ExecutionContext context = new ExecutionContext();
            CustomerFileReader first = open(file, charset, context);
            first.read();
            first.read();
            first.update(context);
            first.close();

            CustomerFileReader restarted = open(file, charset, context);

            assertRecord(restarted.read(), 8, "C-3", "Chloé", "2");
            assertRecord(restarted.read(), 10, "C-4", "Eze", "1");
        }
    }

    @Test
    void aFreshExecutionContextStartsFromTheFirstRecord() throws Exception {
        Path file = write(FILE);
        CustomerFileReader first = open(file);
        first.read();
        first.read();
        first.close();

        assertRecord(open(file).read(), 2, "C-1", "Ada", "1");
    }
}
