package org.onboarding.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.onboarding.feed.FeedCatalog;
import org.onboarding.operations.OperationRefusedException;
import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorLog;
import org.onboarding.webhooks.EventStatus;
import org.onboarding.webhooks.StoredEvent;
import org.onboarding.webhooks.WebhookEventStore;
import org.springframework.stereotype.Component;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./onboard webhooks retry ID… | --all-failed [--feed F]}: dead letters back in the queue.
 * Ids are all re-queued or none: an unknown id or an event that has not failed refuses the command
 * in one line.
 */
@Component
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Re-queues failed webhook events with a fresh retry schedule; the next deliver sends them.",
                "Exit status: 0 re-queued, 2 an id is unknown or its event has not failed (then none is re-queued)."})
class WebhooksRetryCommand implements Callable<Integer> {

    private final WebhookEventStore store;
    private final FeedCatalog feeds;
    private final Clock clock;
    private final OperatorLog operatorLog;

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

    public WebhooksRetryCommand(WebhookEventStore store, FeedCatalog feeds, Clock clock, OperatorLog operatorLog) {
        this.store = store;
        this.feeds = feeds;
        this.clock = clock;
        this.operatorLog = operatorLog;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (selection.allFailed) {
            UUID organization = feed == null ? null : feeds.find(feed).organization().id();
            int requeued = store.requeueFailed(null, organization, clock.instant());
            operatorLog.did(Operator.commandLine(), "re-queued " + requeued + " failed webhook events"
                    + (feed == null ? "" : " of feed " + feed));
            out.printf("Re-queued %d failed events.%n", requeued);
            return ExitCodes.COMPLETED;
        }
        if (feed != null) {
            throw new ParameterException(spec.commandLine(), "--feed goes with --all-failed, not with ids");
        }
        Map<UUID, StoredEvent> found = store.find(selection.ids);
        List<String> refusals = selection.ids.stream().distinct().map(id -> refusal(id, found.get(id)))
                .filter(Objects::nonNull).toList();
        if (!refusals.isEmpty()) {
            // All or nothing: the operator corrects the command and runs it again, with nothing half done.
            throw new OperationRefusedException("nothing re-queued: " + String.join("; ", refusals));
        }
        List<UUID> failed = selection.ids.stream().distinct().toList();
        int requeued = store.requeueFailed(failed, null, clock.instant());
        operatorLog.did(Operator.commandLine(), "re-queued " + requeued + " failed webhook events " + failed);
        out.printf("Re-queued %d failed events.%n", requeued);
        return ExitCodes.COMPLETED;
    }

    /** Why this event cannot be re-queued, or null when it can. */
    private static String refusal(UUID id, StoredEvent event) {
        if (event == null) {
            return "no webhook event " + id;
        }
        return event.status() == EventStatus.FAILED ? null
                : "event " + id + " is " + event.status() + "; only failed events are re-queued";
    }
}
