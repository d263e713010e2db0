package org.onboarding.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;

/**
 * The one place that says how a customer file is parsed: RFC 4180 (quotes doubled, never
 * backslash-escaped, so a name with a backslash survives), a UTF-8 byte order mark skipped,
 * blank lines ignored. The inspector and the job's reader both parse through here, so they
 * never disagree about where a record starts.
 */
public final class CustomerCsv {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CustomerCsv() {
    }

    /** A strict reader over the file, past a UTF-8 byte order mark if there is one. */
    public static Reader open(Path file, Charset charset) throws IOException {
        return lines(file, charset, FilePosition.START);
    }

    /**
     * A strict line reader over the file from a position, counting the bytes and lines it hands
     * out; from the start, past a UTF-8 byte order mark if there is one.
     */
    static PositionedLineReader lines(Path file, Charset charset, FilePosition from) throws IOException {
        InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            long offset = from.byteOffset();
            if (offset > 0) {
                stream.skipNBytes(offset);
            } else if (charset.equals(StandardCharsets.UTF_8)) {
                stream.mark(UTF8_BOM.length);
                if (java.util.Arrays.equals(stream.readNBytes(UTF8_BOM.length), UTF8_BOM)) {
                    offset = UTF8_BOM.length;
                } else {
                    stream.reset();
                }
            }
            return new PositionedLineReader(FileInspector.strictReader(stream, charset), charset, offset,
                    from.linesRead());
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    public static CSVReader reader(Reader reader) {
        return new CSVReaderBuilder(reader)
                .withCSVParser(new RFC4180ParserBuilder().build())
                .withKeepCarriageReturn(false)
                .withVerifyReader(false)
                .build();
    }

    /** The next record that is not blank (blank lines and rows of empty cells are skipped), or null at the end. */
    public static String[] nextRecord(CSVReader csv) throws IOException, CsvValidationException {
        String[] cells;
        do {
            cells = csv.readNext();
        } while (cells != null && isBlank(cells));
        return cells;
    }

    static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
