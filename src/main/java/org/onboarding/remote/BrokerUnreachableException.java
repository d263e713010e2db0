package org.onboarding.remote;

import org.onboarding.job.ImportSummaries;

/** The message broker did not answer a remote import or a worker: nothing was imported. */
public class BrokerUnreachableException extends RuntimeException {

    public BrokerUnreachableException(String broker, Exception cause) {
        super("cannot reach the message broker at " + broker + " (" + ImportSummaries.describe(cause)
                + "): check SPRING_RABBITMQ_HOST, _PORT, _USERNAME and _PASSWORD", cause);
    }
}
