package org.onboarding.file;

/**
 * One of the parts a file's rows are split into when several writers import it side by side.
 * A row belongs to the part its referenceId hashes to, so every row of one customer is applied
 * by the same writer, in file order. {@link String#hashCode()} is specified by the language, so
 * a restart in another JVM splits the file exactly as the first run did.
 *
 * @param index             this part, from 0
 * @param count             how many parts the file is split into; 1 means one writer owns every row
 * @param referenceIdColumn the referenceId's cell in a row
 */
public record RowPartition(int index, int count, int referenceIdColumn) {

    public RowPartition {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("part " + index + " of " + count);
        }
    }

    public boolean owns(String[] cells) {
        return count == 1 || of(FileHeader.cell(cells, referenceIdColumn), count) == index;
    }

    /** The part of a row with this (trimmed) referenceId; rows without one all go to part 0. */
    public static int of(String referenceId, int count) {
        return referenceId == null ? 0 : Math.floorMod(referenceId.hashCode(), count);
    }
}
