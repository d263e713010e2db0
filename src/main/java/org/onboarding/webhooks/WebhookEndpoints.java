package org.onboarding.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onboarding.feed.Feed;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.feed.FeedException;
import org.onboarding.feed.WebhookSettings;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;

/**
 * Resolves each organisation's webhook endpoint from the feeds that name one and the environment
 * variables they name. An organisation has one endpoint: feeds of the same organisation naming
 * different variables are a mistake in the feeds, reported as such.
 */
@Component
public class WebhookEndpoints {

    private static final String SECRET_PREFIX = "whsec_";

    private final FeedCatalog feeds;
    private final Environment environment;

    public WebhookEndpoints(FeedCatalog feeds, Environment environment) {
        this.feeds = feeds;
        this.environment = environment;
    }

    /** Every organisation's endpoint that a feed declares, deliverable or not. */
    public List<WebhookEndpoint> all() {
        Map<UUID, List<Feed>> byOrganization = new LinkedHashMap<>();
        for (String name : feeds.names()) {
            Feed feed = feeds.find(name);
            if (feed.webhooks().declared()) {
                byOrganization.computeIfAbsent(feed.organization().id(), id -> new ArrayList<>()).add(feed);
            }
        }
        return byOrganization.values().stream().map(this::resolve).toList();
    }

    private WebhookEndpoint resolve(List<Feed> organizationFeeds) {
        Feed first = organizationFeeds.get(0);
        WebhookSettings settings = first.webhooks();
        for (Feed feed : organizationFeeds) {
            if (!feed.webhooks().equals(settings)) {
                throw new FeedException("Feeds " + first.name() + " and " + feed.name() + " belong to the same "
                        + "organisation but name different webhook variables; an organisation has one endpoint");
            }
        }
        List<String> names = organizationFeeds.stream().map(Feed::name).toList();
        String problem = null;
        URI url = null;
        Webhook signer = null;
        String rawUrl = environment.getProperty(settings.urlVariable());
        String secret = environment.getProperty(settings.secretVariable());
        if (rawUrl == null || rawUrl.isBlank()) {
            problem = settings.urlVariable() + " is not set: events stay queued";
        } else if ((url = httpUrl(rawUrl)) == null) {
            problem = settings.urlVariable() + " is not an http(s) URL";
        } else if ((problem = WebhookAddresses.urlProblem(url, settings.allowPlainHttp())) != null) {
            problem = settings.urlVariable() + " " + problem;
        } else if (secret == null || secret.isBlank()) {
            problem = settings.secretVariable() + " is not set: events are never sent unsigned";
        } else if ((signer = signer(secret)) == null) {
            problem = settings.secretVariable() + " is not a Standard Webhooks secret (whsec_ and base64)";
        }
        WebhookEndpoint.State state = problem == null ? WebhookEndpoint.State.DELIVERABLE
                : url == null && (rawUrl == null || rawUrl.isBlank()) ? WebhookEndpoint.State.NO_URL
                : WebhookEndpoint.State.MISCONFIGURED;
        return new WebhookEndpoint(first.organization().id(), first.organization().name(), names, settings,
                problem == null ? url : null, problem == null ? signer : null, state, problem);
    }

    private static URI httpUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Webhook signer(String secret) {
        String key = secret.strip();
        if (!key.startsWith(SECRET_PREFIX)) {
            return null;
        }
        try {
            Base64.getDecoder().decode(key.substring(SECRET_PREFIX.length()));
            return new Webhook(key);
        } catch (IllegalArgumentException | EmptyWebhookSecretException e) {
            return null;
        }
    }
}
