package org.onboarding.operations;

/**
 * An operator's command on an import execution that cannot be carried out as asked: an unknown
 * id, an execution in the wrong state, a file that is gone or changed. Its message is one line
 * for the operator, never a stack trace.
 */
public class OperationRefusedException extends RuntimeException {

    public OperationRefusedException(String message) {
        super(message);
    }
}
