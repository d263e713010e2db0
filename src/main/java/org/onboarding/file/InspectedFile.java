package org.onboarding.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What inspection saw of a file, held against the file while the job reads it: a producer that
 * paused longer than the inbox's quiet period, then wrote on, must fail the import rather than
 * have half a file imported as if it were all of it.
 *
 * @param file           the file
 * @param records        the data records inspection counted
 * @param bytes          its size then
 * @param modifiedMillis its modification time then
 */
public record InspectedFile(Path file, long records, long bytes, long modifiedMillis) {

    /** Refuses to read a record past those inspection counted: they were never checked. */
    public void requireWithin(long recordsRead) {
        if (recordsRead > records) {
            throw changed("it now holds more than the " + String.format("%,d", records) + " records inspected");
        }
    }

    /** At the end of the file: the same records, size and modification time as inspection saw. */
    public void requireUnchanged(long recordsRead) {
        if (recordsRead != records) {
            throw changed(String.format("%,d records read, %,d inspected", recordsRead, records));
        }
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            if (size != bytes || modified != modifiedMillis) {
                throw changed(String.format("%,d bytes modified at %tFT%<tT, inspected %,d bytes modified at %tFT%<tT",
                        size, modified, bytes, modifiedMillis));
            }
        } catch (IOException e) {
            throw changed("it can no longer be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private FileChangedException changed(String how) {
        return new FileChangedException(file + " changed while it was imported (" + how + "): write it under a"
                + " temporary name and rename it when complete, or drop a .done marker beside it; nothing of the"
                + " change is imported");
    }

    /** The file is no longer what inspection saw; the import fails (exit 1), and its content cannot be restarted. */
    public static final class FileChangedException extends RuntimeException {
        FileChangedException(String message) {
            super(message);
        }
    }
}
