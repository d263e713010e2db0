package org.onboarding.file;

/**
 * A file that cannot be imported at all (missing, empty, not in its charset, malformed CSV, a
 * header without the required columns). Found before anything is written; exit status 2.
 */
public class UnimportableFileException extends RuntimeException {

    public UnimportableFileException(String message) {
        super(message);
    }
}
