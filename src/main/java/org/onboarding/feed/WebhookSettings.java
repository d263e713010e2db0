package org.onboarding.feed;

/**
 * A feed's webhook endpoint ({@code "webhooks"} in {@code jobs/<name>.json}), named by environment
 * variables so that neither the URL nor the signing secret is ever in a committed file.
 *
 * @param urlVariable    the variable holding the organisation's endpoint URL; while it is unset,
 *                       events stay queued
 * @param secretVariable the variable holding the Standard Webhooks signing secret ({@code whsec_…})
 * @param allowPlainHttp whether the URL may be plain http to a host other than loopback: an explicit
 *                       decision, as the payloads name customers; false when absent
 */
public record WebhookSettings(String urlVariable, String secretVariable, Boolean allowPlainHttp) {

    public static final WebhookSettings NONE = new WebhookSettings(null, null, false);

    public WebhookSettings {
        if ((urlVariable == null) != (secretVariable == null)) {
            throw new IllegalArgumentException("\"webhooks\" needs both \"urlVariable\" and \"secretVariable\"");
        }
        allowPlainHttp = Boolean.TRUE.equals(allowPlainHttp);
    }

    /** Whether the feed names an endpoint at all. */
    public boolean declared() {
        return urlVariable != null;
    }
}
