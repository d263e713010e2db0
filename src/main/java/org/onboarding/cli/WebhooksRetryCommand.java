package org.onboarding.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.onboarding.operations.DeadLetters;
import org.onboarding.operations.Operator;
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

    private final DeadLetters deadLetters;

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

    public WebhooksRetryCommand(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!selection.allFailed && feed != null) {
            throw new ParameterException(spec.commandLine(), "--feed goes with --all-failed, not with ids");
        }
        int requeued = selection.allFailed ? deadLetters.retryAll(feed, Operator.commandLine())
                : deadLetters.retry(selection.ids, Operator.commandLine());
        out.printf("Re-queued %d failed events.%n", requeued);
        return ExitCodes.COMPLETED;
    }
}
