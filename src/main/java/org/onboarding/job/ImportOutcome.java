package org.onboarding.job;

/**
 * How a request to import a file ended.
 *
 * @param summary the execution that ran, or the earlier one that explains the refusal
 */
public record ImportOutcome(Kind kind, ImportSummary summary) {

    public enum Kind {
        /** The execution ran (to COMPLETED, FAILED or STOPPED: see the summary's status). */
        RAN,
        /** The same content was already imported for the organisation; nothing ran. */
        ALREADY_IMPORTED,
        /** An execution of this file is running, or died without being marked (see {@code recover}). */
        ALREADY_RUNNING
    }
}
