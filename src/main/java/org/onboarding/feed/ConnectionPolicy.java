package org.onboarding.feed;

/** What a later file's connects cell means for the connections a customer already has. */
public enum ConnectionPolicy {
    /** The cell's connections are added to those already stored; none is ever removed (the default). */
    ADD,
    /**
     * The cell is the customer's full list: stored connections it does not name are removed. Only a
     * cell read without any reject replaces; an empty cell leaves the connections as they are.
     */
    REPLACE
}
