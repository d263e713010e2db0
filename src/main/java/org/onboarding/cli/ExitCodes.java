package org.onboarding.cli;

/** The exit statuses of {@code ./onboard}, as the README documents them. */
final class ExitCodes {

    /** The import completed (rows may have been rejected), or the content was already imported. */
    public static final int COMPLETED = 0;
    /** The import failed or stopped; importing the same file again restarts it. */
    public static final int FAILED = 1;
    /** The invocation was invalid, or the file cannot be imported at all; nothing was written. */
    public static final int UNUSABLE = 2;

    private ExitCodes() {
    }
}
