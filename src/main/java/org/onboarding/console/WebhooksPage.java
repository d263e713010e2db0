package org.onboarding.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onboarding.feed.FeedCatalog;
import org.onboarding.feed.FeedException;
import org.onboarding.operations.DeadLetters;
import org.onboarding.operations.OperationRefusedException;
import org.onboarding.operations.Operator;
import org.onboarding.webhooks.EndpointHealth;
import org.onboarding.webhooks.EventStatus;
import org.onboarding.webhooks.WebhookEndpoint;
import org.onboarding.webhooks.WebhookEndpoints;
import org.onboarding.webhooks.WebhookEventStore;
import org.onboarding.webhooks.WebhookProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's webhooks: events by status, each endpoint's health (as {@code webhooks endpoints}
 * prints it) and the dead letters, with their retry, one or all of a feed, through {@link DeadLetters}.
 */
@Controller
@Profile("serve")
class WebhooksPage {

    static final int DEAD_LETTERS_LISTED = 100;

    private final WebhookEndpoints endpoints;
    private final WebhookEventStore store;
    private final WebhookProperties properties;
    private final DeadLetters deadLetters;
    private final FeedCatalog feeds;
    private final Clock clock;

    WebhooksPage(WebhookEndpoints endpoints, WebhookEventStore store, WebhookProperties properties,
            DeadLetters deadLetters, FeedCatalog feeds, Clock clock) {
        this.endpoints = endpoints;
        this.store = store;
        this.properties = properties;
        this.deadLetters = deadLetters;
        this.feeds = feeds;
        this.clock = clock;
    }

    @GetMapping("/webhooks")
    String webhooks(Model model) {
        Instant now = clock.instant();
        List<WebhookEndpoint> all = endpoints.all();
        List<EndpointHealth> health = store.health(all, now.minus(Duration.ofDays(1)));
        Map<EventStatus, Long> byStatus = new EnumMap<>(EventStatus.class);
        for (EventStatus status : EventStatus.values()) {
            byStatus.put(status, health.stream().mapToLong(endpoint -> endpoint.count(status)).sum());
        }
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("statusChart", BarChart.of(byStatus.entrySet().stream()
                .map(entry -> new BarChart.Value(entry.getKey().name(), entry.getValue())).toList()));
        model.addAttribute("health", health);
        model.addAttribute("pending", EventStatus.PENDING);
        model.addAttribute("delivered", EventStatus.DELIVERED);
        model.addAttribute("failed", EventStatus.FAILED);
        model.addAttribute("circuits", store.circuits(all.stream().map(WebhookEndpoint::organizationId).toList(),
                properties.circuit(), now));
        model.addAttribute("feeds", feeds.names());
        model.addAttribute("deadLetters", store.list(EventStatus.FAILED, null, null, DEAD_LETTERS_LISTED));
        model.addAttribute("organizations", all.stream().collect(java.util.stream.Collectors.toMap(
                WebhookEndpoint::organizationId, WebhookEndpoint::organizationName, (a, b) -> a)));
        return "webhooks";
    }

    @PostMapping("/webhooks/{id}/retry")
    String retry(@PathVariable UUID id, Authentication signedIn, RedirectAttributes outcome) {
        try {
            int requeued = deadLetters.retry(List.of(id), new Operator(signedIn.getName()));
            outcome.addFlashAttribute("outcome", "Re-queued " + requeued + " failed event: the next delivery pass sends it.");
        } catch (OperationRefusedException refused) {
            outcome.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/webhooks";
    }

    @PostMapping("/webhooks/retry")
    String retryAll(@RequestParam(required = false) String feed, Authentication signedIn, RedirectAttributes outcome) {
        String only = feed == null || feed.isBlank() ? null : feed;
        try {
            int requeued = deadLetters.retryAll(only, new Operator(signedIn.getName()));
            outcome.addFlashAttribute("outcome", "Re-queued " + requeued + " failed events"
                    + (only == null ? "" : " of feed " + only) + ": the next delivery pass sends them.");
        } catch (OperationRefusedException | FeedException refused) {
            outcome.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/webhooks";
    }
}
