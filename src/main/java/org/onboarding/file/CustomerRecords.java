package org.onboarding.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.onboarding.feed.FileLimits;
import org.onboarding.pii.PiiText;

/**
 * The records of a customer file, parsed strictly by Apache Commons CSV, one at a time, each
 * with the physical line it starts on, and the byte where the next one starts.
 * <p>
 * Strict means that a quoted cell ends at its closing quote: anything but a comma or the end of
 * the record after it (a stray quote, as in {@code "Ebuka" Obi}) refuses the file at that line
 * instead of letting the quote swallow the rows after it; an unclosed quote refuses it too. A
 * quote inside a cell that does not start with one stays a literal character, and a line break
 * inside a quoted cell is kept as written (CRLF stays CRLF). Blank lines, and rows of empty
 * cells, are passed over. Every record is held to the feed's {@link FileLimits}.
 */
public final class CustomerRecords implements Closeable {

    /** RFC 4180 (quotes doubled, never backslash-escaped); blank lines come through to be counted as lines. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path shown;
    private final FileLimits limits;
    private final RecordWindowReader window;
    private final CSVParser parser;
    private final Iterator<CSVRecord> parsed;
    private final long lineBase;
    private CSVRecord ahead;
    private long aheadStartLine;
    private long aheadEndLine;
    private long records;
    private long byteOffset;
    private long linesRead;
    private final CustomerRecord header;

    /**
     * @param shown  the file as messages name it
     * @param window the decoded file from {@code from}, counted
     * @param from   where the window starts
     * @param header whether the header comes first (the file is read from its start)
     */
    CustomerRecords(Path shown, RecordWindowReader window, FileLimits limits, FilePosition from, boolean header)
            throws IOException {
        this.shown = shown;
        this.limits = limits;
        this.window = window;
        this.parser = CSVParser.builder().setReader(window).setFormat(FORMAT).get();
        this.parsed = parser.iterator();
        this.lineBase = from.linesRead();
        this.records = from.records();
        this.byteOffset = from.byteOffset();
        this.linesRead = from.linesRead();
        this.aheadEndLine = lineBase;
        advance();
        this.header = header ? next() : null;
        this.records = from.records();
    }

    /** The header's record, or null when the file was opened past it (a restart) or has none. */
    public CustomerRecord header() {
        return header;
    }

    /**
     * The next record that is not blank, or null at the end of the file.
     *
     * @throws UnimportableFileException for a malformed record or one over a limit, naming its line
     */
    public CustomerRecord next() {
        while (ahead != null) {
            CSVRecord current = ahead;
            long startLine = aheadStartLine;
            long endLine = aheadEndLine;
            advance();
            long bytes = window.release(ahead == null ? window.charactersRead() : ahead.getCharacterPosition());
            byteOffset += bytes;
            linesRead = endLine;
            String[] cells = current.values();
            if (isBlank(cells)) {
                continue;
            }
            check(startLine, bytes, cells);
            records++;
            return new CustomerRecord(startLine, cells);
        }
        return null;
    }

    private void advance() {
        aheadStartLine = aheadEndLine + 1;
        try {
            ahead = parsed.hasNext() ? parsed.next() : null;
        } catch (UncheckedIOException e) {
            throw refusal(aheadStartLine, e.getCause());
        } catch (NoSuchElementException e) {
            ahead = null;
        }
        aheadEndLine = lineBase + parser.getCurrentLineNumber();
    }

    private UnimportableFileException refusal(long line, IOException cause) {
        String at = PiiText.line(line) + ": ";
        if (cause instanceof RecordWindowReader.RecordTooLongException) {
            return new UnimportableFileException(shown, at + "the record starting here is longer than "
                    + String.format("%,d", limits.recordBytes()) + " bytes, the feed's limit (limits.recordBytes);"
                    + " an unclosed quote makes a record run on to the end of the file");
        }
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof CSVException && message.startsWith("Invalid character between encapsulated token")) {
            return new UnimportableFileException(shown, at + "a quoted cell must end at its closing quote, but more follows"
                    + " it before the next comma (a quote inside a quoted cell is written twice: \"\")");
        }
        if (cause instanceof CSVException && message.contains("EOF reached before encapsulated token finished")) {
            return new UnimportableFileException(shown, at + "a quoted cell is never closed: its opening quote has no"
                    + " closing quote before the end of the file");
        }
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return new UnimportableFileException(shown, at + "bytes not valid in the file's charset", cause);
        }
        return new UnimportableFileException(shown, at + "cannot be read: " + cause.getClass().getSimpleName());
    }

    private void check(long line, long bytes, String[] cells) {
        if (bytes > limits.recordBytes()) {
            throw new UnimportableFileException(shown, PiiText.line(line) + ": the record takes "
                    + String.format("%,d", bytes) + " bytes; the feed's limit is "
                    + String.format("%,d", limits.recordBytes()) + " (limits.recordBytes)");
        }
        if (cells.length > limits.columns()) {
            throw new UnimportableFileException(shown, PiiText.line(line) + ": the record has "
                    + String.format("%,d", cells.length) + " cells; the feed's limit is "
                    + String.format("%,d", limits.columns()) + " (limits.columns)");
        }
        for (int column = 0; column < cells.length; column++) {
            if (cells[column].length() > limits.cellCharacters()) {
                throw new UnimportableFileException(shown, PiiText.line(line) + ", column " + (column + 1)
                        + ": the cell holds " + String.format("%,d", cells[column].length())
                        + " characters; the feed's limit is " + String.format("%,d", limits.cellCharacters())
                        + " (limits.cellCharacters)");
            }
        }
    }

    static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Where the file is now: after the last record handed out. */
    public FilePosition position() {
        return new FilePosition(records, byteOffset, linesRead);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
