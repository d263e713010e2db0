package org.onboarding.feed;

/** A feed that is missing or wrongly declared: an operator's mistake, reported without a stack trace. */
public class FeedException extends RuntimeException {

    public FeedException(String message) {
        super(message);
    }
}
