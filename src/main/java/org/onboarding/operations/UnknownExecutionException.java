package org.onboarding.operations;

/** The id names no import execution: the operator API and the console answer 404. */
public class UnknownExecutionException extends OperationRefusedException {

    public UnknownExecutionException(long id) {
        super("no import execution " + id);
    }
}
