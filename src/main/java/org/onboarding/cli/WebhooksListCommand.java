package org.onboarding.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.onboarding.feed.FeedCatalog;
import org.onboarding.webhooks.EventStatus;
import org.onboarding.webhooks.StoredEvent;
import org.onboarding.webhooks.WebhookEventStore;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./onboard webhooks list [--status S] [--feed F] [--type T] [--limit N]}. */
@Component
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the latest webhook events, newest first: status, attempts, next attempt, last error.")
class WebhooksListCommand implements Callable<Integer> {

    private final WebhookEventStore store;
    private final FeedCatalog feeds;

    @Spec
    private CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", description = "only events that are pending, delivered or failed")
    private EventStatus status;

    @Option(names = "--feed", paramLabel = "F", description = "only events of this feed's organisation")
    private String feed;

    @Option(names = "--type", paramLabel = "T", description = "only events of this type, e.g. reserve_virtual_account.success")
    private String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most N events (default: ${DEFAULT-VALUE})")
    private int limit;

    public WebhooksListCommand(WebhookEventStore store, FeedCatalog feeds) {
        this.store = store;
        this.feeds = feeds;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        UUID organization = feed == null ? null : feeds.find(feed).organization().id();
        List<StoredEvent> events = store.list(status, organization, type, Math.max(limit, 1));
        if (events.isEmpty()) {
            out.println("No webhook events" + (status == null ? "" : " " + status.name().toLowerCase()) + ".");
            return ExitCodes.COMPLETED;
        }
        out.printf("%-36s  %-33s  %-9s  %8s  %-24s  %s%n", "ID", "TYPE", "STATUS", "ATTEMPTS", "NEXT ATTEMPT / DELIVERED",
                "LAST ERROR");
        for (StoredEvent event : events) {
            Instant when = event.status() == EventStatus.DELIVERED ? event.deliveredAt()
                    : event.status() == EventStatus.PENDING ? event.nextAttemptAt() : null;
            out.printf("%-36s  %-33s  %-9s  %8d  %-24s  %s%n", event.id(), event.type(), event.status(), event.attempts(),
                    when == null ? "-" : when.truncatedTo(ChronoUnit.SECONDS),
                    event.lastError() == null ? "" : event.lastError());
        }
        return ExitCodes.COMPLETED;
    }
}
