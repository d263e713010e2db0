package org.onboarding.feed;

/**
 * How large a feed's files may be, record by record, checked while the file is inspected and
 * before anything is written: a file over a limit is refused naming the line and the limit, in
 * memory that stays bounded whatever the file holds (a 300 MB line, an unclosed quote).
 *
 * @param recordBytes    the bytes one record may take, its line breaks included (1 MiB when absent)
 * @param cellCharacters the characters one cell may hold (256 Ki when absent): longer values than a
 *                       column stores but within this limit reject their row, never the file
 * @param columns        the cells one record may have (1,000 when absent)
 */
public record FileLimits(Long recordBytes, Integer cellCharacters, Integer columns) {

    public static final long DEFAULT_RECORD_BYTES = 1L << 20;
    public static final int DEFAULT_CELL_CHARACTERS = 1 << 18;
    public static final int DEFAULT_COLUMNS = 1_000;
    /** The defaults, for a feed that declares no limits. */
    public static final FileLimits DEFAULTS = new FileLimits(null, null, null);

    public FileLimits {
        recordBytes = recordBytes == null ? DEFAULT_RECORD_BYTES : recordBytes;
        cellCharacters = cellCharacters == null ? DEFAULT_CELL_CHARACTERS : cellCharacters;
        columns = columns == null ? DEFAULT_COLUMNS : columns;
        if (recordBytes < 1_024 || recordBytes > 64L << 20) {
            throw new IllegalArgumentException("limits.recordBytes must be from 1024 to 67108864, not " + recordBytes);
        }
        if (cellCharacters < 1 || cellCharacters > recordBytes) {
            throw new IllegalArgumentException("limits.cellCharacters must be from 1 to limits.recordBytes ("
                    + recordBytes + "), not " + cellCharacters);
        }
        if (columns < 3 || columns > 100_000) {
            throw new IllegalArgumentException("limits.columns must be from 3 to 100000, not " + columns);
        }
    }
}
