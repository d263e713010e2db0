package org.onboarding.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.feed.FileLimits;
import org.onboarding.pii.PiiText;

class FileInspectorTest {

    private static final String HEADER = "referenceId,name,accountTypeId\n";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte E_ACUTE_IN_WINDOWS_1252 = (byte) 0xE9;

    @TempDir
    Path directory;

    private final FileInspector inspector = new FileInspector();

    private Path write(byte[] bytes) throws IOException {
        return Files.write(directory.resolve("customers.csv"), bytes);
    }

    private Path write(String content) throws IOException {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    private FileInspection inspect(Path file) {
        return inspector.inspect(file, StandardCharsets.UTF_8, FileLimits.DEFAULTS);
    }

    private long recordsIn(String content) throws IOException {
        return inspect(write(content)).records();
    }

    /** The bytes of {@code before}, one byte 0xE9 (é in windows-1252, invalid in UTF-8), then {@code after}. */
    private static byte[] withWindows1252EAcute(String before, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.write(E_ACUTE_IN_WINDOWS_1252);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static long lineOfByte(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private void assertRefusedAtFirstBadByte(byte[] bytes, int badByteOffset) throws IOException {
        Path file = write(bytes);

        assertThatThrownBy(() -> inspect(file))
                .isInstanceOf(UnimportableFileException.class)
                // Grouped, as masking would otherwise take a large file's line or offset for an identity.
                .hasMessageContaining(PiiText.line(lineOfByte(bytes, badByteOffset)) + ", byte offset "
                        + String.format("%,d", badByteOffset) + ":")
                .hasMessageContaining("not valid in UTF-8");
    }

    @Test
    void reportsTheSha256OfTheFilesBytes() throws Exception {
        byte[] bytes = (HEADER + "C-1,Adébáyọ̀ Okafor,1\n").repeat(3000).getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        FileInspection inspection = inspect(write(bytes));

        assertThat(bytes.length).as("larger than the inspector's 64 KiB buffer").isGreaterThan(1 << 16);
        assertThat(inspection.sha256()).isEqualTo(expected);
        assertThat(inspection.bytes()).isEqualTo(bytes.length);
        assertThat(inspection.file()).isAbsolute();
        assertThat(inspection.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void theSha256TheParseDigestsCoversAByteOrderMarkAndTheBlankLinesAfterTheLastRecord() throws Exception {
        byte[] bytes = ("\uFEFF" + HEADER + "C-1,Ada Okafor,1\n\n  \n\n").getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        FileInspection inspection = inspect(write(bytes));

        assertThat(inspection.sha256()).isEqualTo(expected);
        assertThat(inspection.records()).isEqualTo(1);
    }

    @Test
    void acceptsUtf8WithAByteOrderMark() throws IOException {
        FileInspection inspection = inspect(write("\uFEFF" + HEADER + "C-1,Adébáyọ̀,1\n"));

        assertThat(inspection.headerCells()).containsExactly("referenceId", "name", "accountTypeId");
        assertThat(inspection.records()).isEqualTo(1);
    }

    @Test
    void acceptsCrLfLineEndings() throws IOException {
        FileInspection inspection = inspect(write("referenceId,name,accountTypeId\r\nC-1,Ada,1\r\nC-2,Obi,2\r\n"));

        assertThat(inspection.headerCells()).containsExactly("referenceId", "name", "accountTypeId");
        assertThat(inspection.records()).isEqualTo(2);
    }

    @Test
    void countsAQuotedRecordWithCommasDoubledQuotesAndLineBreaksAsOne() throws IOException {
        String quoted = "C-1,\"Okafor, Ada \"\"Ada\"\"\nSecond line\r\nThird line\",1\n";

        assertThat(recordsIn(HEADER + quoted + "C-2,Obi,2\n")).isEqualTo(2);
    }

    @Test
    void doesNotCountBlankLinesOrLinesOfOnlyCommas() throws IOException {
        assertThat(recordsIn(HEADER + "\nC-1,Ada,1\n\n   \n,,\n , ,\nC-2,Obi,2\n\n")).isEqualTo(2);
    }

    @Test
    void countsTheLastRecordWithoutAFinalLineBreak() throws IOException {
        assertThat(recordsIn(HEADER + "C-1,Ada,1\nC-2,Obi,2")).isEqualTo(2);
    }

    @Test
    void aHeaderOnlyFileHasNoRecords() throws IOException {
        FileInspection inspection = inspect(write(HEADER));

        assertThat(inspection.records()).isZero();
        assertThat(inspection.headerCells()).containsExactly("referenceId", "name", "accountTypeId");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path empty = write(new byte[0]);

        assertThatThrownBy(() -> inspect(empty))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("empty (0 bytes)");
    }

    @Test
    void refusesAFileWithNoHeaderLine() throws IOException {
        Path blank = write("\uFEFF\n\n,,\n");

        assertThatThrownBy(() -> inspect(blank))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("no header line");
    }

    @Test
    void refusesAMissingFile() {
        Path missing = directory.resolve("nowhere.csv");

        assertThatThrownBy(() -> inspect(missing))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("nowhere.csv")
                .hasMessageContaining("no such file");
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> inspect(directory))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("not a readable file");
    }

    @Test
    void refusesWindows1252BytesInspectedAsUtf8NamingTheLineAndOffsetOfTheFirstBadByte() throws IOException {
        String before = HEADER + "C-1,Adébáyọ̀ Okafor,1\nC-2,Jos";
        byte[] bytes = withWindows1252EAcute(before, " Martins,1\nC-3,Ren\u00E9e,1\n");
        int offset = before.getBytes(StandardCharsets.UTF_8).length;

        assertThat(lineOfByte(bytes, offset)).isEqualTo(3);
        assertRefusedAtFirstBadByte(bytes, offset);
    }

    @Test
    void refusesABadByteOnTheFirstLine() throws IOException {
        assertRefusedAtFirstBadByte(withWindows1252EAcute("referenceId,nam", ",accountTypeId\n"), 15);
    }

    @Test
    void namesTheLineAndOffsetOfABadByteFarBeyondTheFirstBuffer() throws IOException {
        String before = HEADER + "C-1,Adébáyọ̀ Okafor,1\n".repeat(5000) + "C-2,Jos";
        byte[] bytes = withWindows1252EAcute(before, ",1\n");
        int offset = before.getBytes(StandardCharsets.UTF_8).length;

        assertThat(offset).isGreaterThan(2 * (1 << 16));
        assertThat(lineOfByte(bytes, offset)).isEqualTo(5002);
        assertRefusedAtFirstBadByte(bytes, offset);
    }

    @Test
    void acceptsAMultiByteCharacterSplitAcrossTheReadBuffer() throws IOException {
        String filler = "C-1," + "x".repeat((1 << 16) - HEADER.length() - "C-1,".length() - 1);
        String content = HEADER + filler + "é,1\n";
        assertThat(content.getBytes(StandardCharsets.UTF_8)[(1 << 16) - 1]).as("first byte of é ends the buffer")
                .isEqualTo((byte) 0xC3);

        assertThat(recordsIn(content)).isEqualTo(1);
    }

    @Test
    void acceptsTheSameWindows1252FileInspectedAsWindows1252() throws IOException {
        byte[] bytes = withWindows1252EAcute(HEADER + "C-2,Jos", " Martins,1\n");

        FileInspection inspection = inspector.inspect(write(bytes), WINDOWS_1252, FileLimits.DEFAULTS);

        assertThat(inspection.charset()).isEqualTo(WINDOWS_1252);
        assertThat(inspection.records()).isEqualTo(1);
    }

    @Test
    void refusesAByteWindows1252LeavesUndefined() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "C-1,A").getBytes(StandardCharsets.US_ASCII));
        bytes.write(0x81);
        bytes.writeBytes(",1\n".getBytes(StandardCharsets.US_ASCII));
        Path file = write(bytes.toByteArray());

        assertThatThrownBy(() -> inspector.inspect(file, WINDOWS_1252, FileLimits.DEFAULTS))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("line 2, byte offset " + (HEADER.length() + 5));
    }

    @Test
    void refusesAnUnclosedQuoteAtTheEnd() throws IOException {
        Path file = write(HEADER + "C-1,Ada,1\nC-2,\"Obi,2\nC-3,Eze,1\n");

        assertThatThrownBy(() -> inspect(file))
                .isInstanceOf(UnimportableFileException.class)
                .hasMessageContaining("customers.csv: line ");
    }

    @Test
    void aStrayQuotePastLineAMillionIsNamedByALineNumberMaskingLeavesReadable() throws IOException {
        StringBuilder content = new StringBuilder(HEADER);
        for (int row = 1; row < 1_234_566; row++) {
            content.append("C,A,1\n");
        }
        content.append("C-9,\"Ebuka\" Obi,1\n");

        assertThatThrownBy(() -> inspect(write(content.toString())))
                .isInstanceOf(UnimportableFileException.class)
                .satisfies(refusal -> assertThat(PiiText.text(refusal.getMessage())).contains(": line 1,234,567"));
    }
}
