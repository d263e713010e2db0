package org.onboarding.webhooks;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.onboarding.feed.WebhookSettings;

import com.standardwebhooks.Webhook;

/**
 * Where an organisation's events go, as its feeds' variables resolve in this process's environment.
 *
 * @param organizationId   whose events
 * @param organizationName the organisation's name, for operators
 * @param feeds            the feeds that name this endpoint
 * @param settings         the variables they name
 * @param url              the endpoint; null while it cannot be delivered to
 * @param signer           signs each request with the organisation's secret; null likewise
 * @param state            whether events can be sent
 * @param problem          why events stay queued; null when deliverable
 */
public record WebhookEndpoint(UUID organizationId, String organizationName, List<String> feeds,
        WebhookSettings settings, URI url, Webhook signer, State state, String problem) {

    /** Whether an endpoint's events can be sent. */
    public enum State {
        /** URL and secret are set and valid. */
        DELIVERABLE,
        /** No URL is set: the documented way to hold events in the queue, not a mistake. */
        NO_URL,
        /** A variable is set to something unusable, or the secret is missing: a mistake to fix. */
        MISCONFIGURED
    }

    public boolean deliverable() {
        return state == State.DELIVERABLE;
    }

    /** The URL as operators may see it: without credentials or query, which may carry a token. */
    public String shownUrl() {
        if (url == null) {
            return "-";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
