package org.onboarding.file;

import org.onboarding.pii.PiiText;

/**
 * A file that cannot be imported at all (missing, empty, not in its charset, malformed CSV, a
 * header without the required columns). Found before anything is written; exit status 2.
 * <p>
 * It keeps the file's name apart from what is wrong with it: the name is the operator's own (and a
 * dated nightly file's digits would read as an identity to masking), what is wrong may quote the file.
 */
public class UnimportableFileException extends RuntimeException {

    private final String file;
    private final String problem;

    /** What is wrong with this file, which may quote it: the message reads {@code file: problem}. */
    public UnimportableFileException(Object file, String problem) {
        super(file + ": " + problem);
        this.file = String.valueOf(file);
        this.problem = problem;
    }

    /** As above, keeping what the reading ran into (a charset's decoding error, say) for the code that handles it. */
    public UnimportableFileException(Object file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = String.valueOf(file);
        this.problem = problem;
    }

    /**
     * The message fit to show an operator: the file's name as it was given, control characters escaped
     * but never masked, and what is wrong with it masked and cut ({@link PiiText#text(String, int)}).
     */
    public String shown(int characters) {
        return PiiText.escape(file) + ": " + PiiText.text(problem, characters);
    }
}
