package org.onboarding.file;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * What a complete read of a customer file found before anything is written.
 *
 * @param file        the file, absolute
 * @param sha256      the hex SHA-256 of its bytes: with the organisation, the job instance's identity
 * @param charset     the charset every byte was checked against
 * @param bytes       its size
 * @param records     the number of data records (header and blank lines excluded)
 * @param headerCells the header's cells as written
 * @param modifiedMillis its modification time when inspection began
 */
public record FileInspection(Path file, String sha256, Charset charset, long bytes, long records,
        String[] headerCells, long modifiedMillis) {
}
