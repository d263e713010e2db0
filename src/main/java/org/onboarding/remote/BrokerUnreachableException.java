package org.onboarding.remote;

/** The message broker did not answer a remote import or a worker: nothing was imported. */
public class BrokerUnreachableException extends RuntimeException {

    public BrokerUnreachableException(String broker, Exception cause) {
        super("cannot reach the message broker at " + broker + " (" + rootMessage(cause)
                + "): check SPRING_RABBITMQ_HOST, _PORT, _USERNAME and _PASSWORD", cause);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
