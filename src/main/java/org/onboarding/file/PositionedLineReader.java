package org.onboarding.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Hands OpenCSV a file line by line, as {@link BufferedReader#readLine()} would, while keeping
 * count of the bytes and physical lines it has handed out: the byte offset where the next record
 * starts is what lets a restart seek instead of reading the file again from the top. Lines end at
 * LF; a CR before it is dropped. Only {@link #readLine()} and {@link #close()} may be used.
 */
final class PositionedLineReader extends BufferedReader {

    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final boolean utf8;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int limit;
    private long byteOffset;
    private long linesRead;

    /**
     * @param in         decodes the file from {@code byteOffset} on
     * @param charset    an ASCII-compatible charset (see {@link #canSeek(Charset)})
     * @param byteOffset the byte {@code in} starts at
     * @param linesRead  the physical lines before it
     */
    PositionedLineReader(Reader in, Charset charset, long byteOffset, long linesRead) {
        super(in, 1);
        this.in = in;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.byteOffset = byteOffset;
        this.linesRead = linesRead;
    }

    /** Charsets where a line's bytes can be counted from its characters and a line starts at a byte of its own. */
    static boolean canSeek(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || (charset.newEncoder().maxBytesPerChar() == 1.0f
                && java.util.Arrays.equals("\n".getBytes(charset), new byte[] {'\n'}));
    }

    @Override
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, BUFFER);
                position = 0;
                if (limit < 0) {
                    limit = 0;
                    return line.isEmpty() ? null : handOut(line, 0);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                position++;
                return handOut(line, 1);
            }
        }
    }

    private String handOut(StringBuilder line, int newlineBytes) {
        byteOffset += bytes(line) + newlineBytes;
        linesRead++;
        int length = line.length();
        if (newlineBytes > 0 && length > 0 && line.charAt(length - 1) == '\r') {
            length--;
        }
        return line.substring(0, length);
    }

    private long bytes(CharSequence chars) {
        if (!utf8) {
            return chars.length();
        }
        long bytes = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The byte the next line starts at. */
    long byteOffset() {
        return byteOffset;
    }

    /** Physical lines handed out, counting those before the starting offset. */
    long linesRead() {
        return linesRead;
    }

    @Override
    public int read() {
        throw new UnsupportedOperationException("read line by line");
    }

    @Override
    public int read(char[] target, int offset, int length) {
        throw new UnsupportedOperationException("read line by line");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
