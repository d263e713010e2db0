package org.onboarding.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.onboarding.feed.FeedCatalog;
import org.onboarding.webhooks.EventStatus;
import org.onboarding.webhooks.StoredEvent;
import org.onboarding.webhooks.WebhookEventStore;
import org.springframework.stereotype.Component;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./onboard webhooks retry ID… | --all-failed [--feed F]}: dead letters back in the queue. */
@Component
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Re-queues failed webhook events with a fresh retry schedule; the next deliver sends them.",
                "Exit status: 0 re-queued, 2 an id is unknown or its event has not failed."})
public class WebhooksRetryCommand implements Callable<Integer> {

    private final WebhookEventStore store;
    private final FeedCatalog feeds;
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Selection selection;

    @Option(names = "--feed", paramLabel = "F", description = "with --all-failed: only this feed's organisation")
    private String feed;

    static class Selection {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "the failed events' ids, as 'webhooks list' shows them")
        List<UUID> ids;

        @Option(names = "--all-failed", required = true, description = "every failed event")
        boolean allFailed;
    }

    public WebhooksRetryCommand(WebhookEventStore store, FeedCatalog feeds, Clock clock) {
        this.store = store;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (selection.allFailed) {
            UUID organization = feed == null ? null : feeds.find(feed).organization().id();
            out.printf("Re-queued %d failed events.%n", store.requeueFailed(null, organization, clock.instant()));
            return ExitCodes.COMPLETED;
        }
        if (feed != null) {
            throw new ParameterException(spec.commandLine(), "--feed goes with --all-failed, not with ids");
        }
        Map<UUID, StoredEvent> found = store.find(selection.ids);
        int refused = 0;
        for (UUID id : selection.ids) {
            StoredEvent event = found.get(id);
            if (event == null || event.status() != EventStatus.FAILED) {
                spec.commandLine().getErr().printf("onboard: %s%n", event == null ? "no webhook event " + id
                        : "event " + id + " is " + event.status() + "; only failed events are re-queued");
                refused++;
            }
        }
        List<UUID> failed = selection.ids.stream().filter(id -> found.containsKey(id)
                && found.get(id).status() == EventStatus.FAILED).distinct().toList();
        int requeued = failed.isEmpty() ? 0 : store.requeueFailed(failed, null, clock.instant());
        out.printf("Re-queued %d failed events.%n", requeued);
        return refused > 0 ? ExitCodes.UNUSABLE : ExitCodes.COMPLETED;
    }
}
