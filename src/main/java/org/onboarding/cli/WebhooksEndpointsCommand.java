package org.onboarding.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.onboarding.webhooks.Circuit;
import org.onboarding.webhooks.EndpointHealth;
import org.onboarding.webhooks.EventStatus;
import org.onboarding.webhooks.WebhookEndpoint;
import org.onboarding.webhooks.WebhookEndpoints;
import org.onboarding.webhooks.WebhookEventStore;
import org.onboarding.webhooks.WebhookProperties;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./onboard webhooks endpoints}: each organisation's endpoint and how delivery to it is going. */
@Component
@Command(name = "endpoints", mixinStandardHelpOptions = true,
        description = "Shows each organisation's webhook endpoint: configured or not, events by status, the last day's attempts.")
class WebhooksEndpointsCommand implements Callable<Integer> {

    private final WebhookEndpoints endpoints;
    private final WebhookEventStore store;
    private final WebhookProperties properties;
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    public WebhooksEndpointsCommand(WebhookEndpoints endpoints, WebhookEventStore store, WebhookProperties properties,
            Clock clock) {
        this.endpoints = endpoints;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<WebhookEndpoint> all = endpoints.all();
        if (all.isEmpty()) {
            out.println("No feed names a webhook endpoint (\"webhooks\" in jobs/<feed>.json).");
            return ExitCodes.COMPLETED;
        }
        Instant now = clock.instant();
        Map<UUID, Circuit> circuits = store.circuits(all.stream().map(WebhookEndpoint::organizationId).toList(),
                properties.circuit(), now);
        for (EndpointHealth health : store.health(all, now.minus(Duration.ofDays(1)))) {
            WebhookEndpoint endpoint = health.endpoint();
            out.printf("%s (feeds %s)%n", endpoint.organizationName(), String.join(", ", endpoint.feeds()));
            out.printf("  endpoint:   %s%n", endpoint.deliverable() ? endpoint.shownUrl() + " (" + endpoint.settings().urlVariable() + ")"
                    : "not delivering: " + endpoint.problem());
            out.printf("  circuit:    %s%n", shown(circuits.get(endpoint.organizationId())));
            out.printf("  events:     %d pending, %d delivered, %d failed%n", health.count(EventStatus.PENDING),
                    health.count(EventStatus.DELIVERED), health.count(EventStatus.FAILED));
            out.printf("  last 24 h:  %d attempts, %d delivered%s%n", health.attempts(), health.successes(),
                    health.attempts() == 0 ? "" : ", " + (100 * health.successes() / health.attempts())
                            + "% success, " + health.averageLatency() + " ms average");
            out.printf("  last delivery: %s%n", health.lastDelivery() == null ? "never"
                    : health.lastDelivery().truncatedTo(ChronoUnit.SECONDS));
            if (health.lastFailure() != null) {
                out.printf("  last failure:  %s: %s%n", health.lastFailure().truncatedTo(ChronoUnit.SECONDS),
                        health.lastError());
            }
        }
        return ExitCodes.COMPLETED;
    }

    private static String shown(Circuit circuit) {
        return switch (circuit.state()) {
            case CLOSED -> "closed" + (circuit.failures() == 0 ? "" : " (" + circuit.failures() + " failed attempts in a row)");
            case OPEN -> "open: paused until " + circuit.pausedUntil().truncatedTo(ChronoUnit.SECONDS) + " after "
                    + circuit.failures() + " failed attempts in a row";
            case HALF_OPEN -> "half-open: the next attempt probes the endpoint, after " + circuit.failures()
                    + " failed attempts in a row";
        };
    }
}
