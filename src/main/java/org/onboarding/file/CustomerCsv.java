package org.onboarding.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.onboarding.feed.FileLimits;

/**
 * The one place that opens a customer file for parsing: invalid bytes refused (never a silently
 * replaced character in a customer's name), a UTF-8 byte order mark skipped, then
 * {@link CustomerRecords}. The inspector and the job's reader both read through here, so they
 * never disagree about where a record starts.
 */
public final class CustomerCsv {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BUFFER = 1 << 16;

    private CustomerCsv() {
    }

    /** The file's records from its start, the header first ({@link CustomerRecords#header()}). */
    public static CustomerRecords open(Path file, Charset charset, FileLimits limits) throws IOException {
        return open(file, file, charset, limits, FilePosition.START);
    }

    /**
     * The file's records from a position: from the start, past a UTF-8 byte order mark and the
     * header; from elsewhere, the record that starts at its byte.
     *
     * @param shown the file as messages name it
     */
    static CustomerRecords open(Path shown, Path file, Charset charset, FileLimits limits, FilePosition from)
            throws IOException {
        return open(shown, Files.newInputStream(file), charset, limits, from);
    }

    /**
     * The records of a file's bytes, read from its first byte (the inspection reads them through a digest).
     *
     * @param bytes the file's bytes from its start; closed with the records
     */
    static CustomerRecords open(Path shown, InputStream bytes, Charset charset, FileLimits limits, FilePosition from)
            throws IOException {
        InputStream stream = new BufferedInputStream(bytes, BUFFER);
        try {
            long offset = from.byteOffset();
            boolean start = offset == 0;
            if (!start) {
                stream.skipNBytes(offset);
            } else if (charset.equals(StandardCharsets.UTF_8)) {
                stream.mark(UTF8_BOM.length);
                if (Arrays.equals(stream.readNBytes(UTF8_BOM.length), UTF8_BOM)) {
                    offset = UTF8_BOM.length;
                } else {
                    stream.reset();
                }
            }
            InputStreamReader decoded = new InputStreamReader(stream, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            RecordWindowReader window = new RecordWindowReader(decoded, charset, limits.recordBytes());
            return new CustomerRecords(shown, window, limits,
                    new FilePosition(from.records(), offset, from.linesRead()), start);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** Charsets where a record's bytes can be counted from its characters and a line starts at a byte of its own. */
    static boolean canSeek(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || (charset.newEncoder().maxBytesPerChar() == 1.0f
                && Arrays.equals("\n".getBytes(charset), new byte[] {'\n'}));
    }
}
