package org.onboarding.job;

/** A part of an import stopped because another part failed; the other part's failure is the reason to report. */
class ImportPartStoppedException extends RuntimeException {

    public ImportPartStoppedException(String failedPart) {
        super("stopped because " + failedPart + " failed");
    }
}
