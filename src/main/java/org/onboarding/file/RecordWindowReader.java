package org.onboarding.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Stands between a file's decoder and the CSV parser and keeps the characters the parser has taken
 * since the start of the record being read. That gives two things no CSV parser gives at speed:
 * the exact length in bytes of each record, so that a restart can seek to the byte where a record
 * starts; and a bound on memory, since a record that outgrows the limit (a 300 MB line, an unclosed
 * quote near the top of a large file) is refused before it fills the heap.
 */
final class RecordWindowReader extends Reader {

    private final Reader in;
    private final boolean utf8;
    private final int bytesPerChar;
    private final long maxWindow;
    private char[] window = new char[1 << 16];
    /** The window's characters are {@code window[begin, end)}; {@code begin} is at {@code windowStart} in the file. */
    private int begin;
    private int end;
    private long windowStart;

    /**
     * @param in        the decoded file
     * @param charset   its charset: UTF-8 is counted character by character, single-byte ones by length
     * @param maxRecord the characters a record may take; the window refuses to grow past about twice that
     */
    RecordWindowReader(Reader in, Charset charset, long maxRecord) {
        this.in = in;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.bytesPerChar = Math.round(charset.newEncoder().averageBytesPerChar());
        // The window holds the record handed out, the one being parsed and the parser's read-ahead.
        this.maxWindow = 2 * maxRecord + (1 << 16);
    }

    @Override
    public int read(char[] target, int offset, int count) throws IOException {
        int read = in.read(target, offset, count);
        if (read > 0) {
            keep(target, offset, read);
        }
        return read;
    }

    private void keep(char[] chars, int offset, int count) throws RecordTooLongException {
        int kept = end - begin;
        if (kept + count > maxWindow) {
            throw new RecordTooLongException();
        }
        if (end + count > window.length) {
            char[] target = kept + count > window.length
                    ? new char[(int) Math.min(maxWindow, Math.max(kept + count, 2L * window.length))]
                    : window;
            System.arraycopy(window, begin, target, 0, kept);
            window = target;
            begin = 0;
            end = kept;
        }
        System.arraycopy(chars, offset, window, end, count);
        end += count;
    }

    /** The characters the parser has taken so far, from where reading started. */
    long charactersRead() {
        return windowStart + (end - begin);
    }

    /**
     * Lets go of the characters before a position (the start of the next record) and gives their
     * length in bytes.
     */
    long release(long upTo) {
        int count = (int) (upTo - windowStart);
        long bytes = utf8 ? utf8Bytes(window, begin, count) : (long) count * bytesPerChar;
        begin += count;
        windowStart = upTo;
        return bytes;
    }

    private static long utf8Bytes(char[] chars, int from, int count) {
        long bytes = count;
        for (int i = from; i < from + count; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                // Two bytes below U+0800, three above; a surrogate pair's four are two for each of its chars.
                bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The record being read is longer than the limit allows; thrown before it fills memory. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException() {
            super("record too long");
        }
    }
}
