package org.onboarding.webhooks;

/** Where a webhook event is in its life. */
public enum EventStatus {
    /** Queued: sent when due, and again after each failed attempt until the last one. */
    PENDING,
    /** An attempt got a 2xx response. */
    DELIVERED,
    /** The last attempt failed too: a dead letter, until an operator re-queues it. */
    FAILED
}
