package org.onboarding.operations;

/** The id names no import execution: the operator API answers 404. */
class UnknownExecutionException extends OperationRefusedException {

    public UnknownExecutionException(long id) {
        super("no import execution " + id);
    }
}
