package org.onboarding.imports;

/** More rows were rejected than the feed's skip limit allows: the run fails, and is restartable. */
class RejectLimitExceededException extends RuntimeException {

    public RejectLimitExceededException(long rejected, long limit) {
        super(rejected + " rejects (rows and connections), more than the feed's skip limit of " + limit
                + "; fix the file or raise skipLimit, then import it again to restart");
    }
}
