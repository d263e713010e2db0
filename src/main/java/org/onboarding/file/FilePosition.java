package org.onboarding.file;

/**
 * Where a customer file was left: after so many records, at this byte, after so many physical
 * lines. Saved with each chunk, so a restart seeks to the byte instead of reading the file from
 * the top, and its records keep their line numbers.
 *
 * @param records    data records read (the header and blank lines not counted)
 * @param byteOffset the byte the next record starts at
 * @param linesRead  physical lines read, the header's included
 */
public record FilePosition(long records, long byteOffset, long linesRead) {

    /** Before the first record: the reader reads the header itself. */
    public static final FilePosition START = new FilePosition(0, 0, 0);
}
