package org.onboarding.webhooks;

import java.util.List;

/**
 * What one pass of the dispatcher did.
 *
 * @param delivered events delivered
 * @param retrying  events whose attempt failed and that are tried again later
 * @param failed    events whose last attempt failed: dead letters now
 * @param held      endpoints whose events stay queued (no URL set, or misconfigured), with how many
 * @param paused    endpoints whose circuit is open after failing time after time: their events wait
 */
public record DeliveryRun(int delivered, int retrying, int failed, List<HeldEvents> held, List<PausedEndpoint> paused) {

    /** An endpoint paused by its circuit breaker, with how many of its events are pending. */
    public record PausedEndpoint(WebhookEndpoint endpoint, Circuit circuit, long pending) {
    }

    /** An endpoint whose pending events this pass could not send. */
    public record HeldEvents(WebhookEndpoint endpoint, long pending) {
    }

    /** Whether any endpoint is misconfigured (as opposed to deliberately left without a URL). */
    public boolean misconfigured() {
        return held.stream().anyMatch(held -> held.endpoint().state() == WebhookEndpoint.State.MISCONFIGURED);
    }
}
