package org.onboarding.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import org.onboarding.webhooks.DeliveryRun;
import org.onboarding.webhooks.WebhookDispatcher;
import org.onboarding.webhooks.WebhookEndpoint;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./onboard webhooks deliver}: one pass of the dispatcher, for cron or by hand. */
@Component
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = {"Sends every due webhook event once, records each attempt, and exits.",
                "Failed attempts are retried by a later pass, on the retry schedule.",
                "Exit status: 0 sent or rescheduled, 1 some events failed their last attempt, 2 an endpoint is misconfigured."})
class WebhooksDeliverCommand implements Callable<Integer> {

    private final WebhookDispatcher dispatcher;

    @Spec
    private CommandSpec spec;

    public WebhooksDeliverCommand(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DeliveryRun run = dispatcher.deliverDue();
        out.printf("Webhooks: %d delivered, %d to retry later, %d failed after their last attempt.%n", run.delivered(),
                run.retrying(), run.failed());
        for (DeliveryRun.HeldEvents held : run.held()) {
            if (held.pending() > 0 || held.endpoint().state() != WebhookEndpoint.State.NO_URL) {
                out.printf("  %s (feeds %s): %d events held: %s.%n", held.endpoint().organizationName(),
                        String.join(", ", held.endpoint().feeds()), held.pending(), held.endpoint().problem());
            }
        }
        for (DeliveryRun.PausedEndpoint paused : run.paused()) {
            out.printf("  %s (feeds %s): paused until %s after %d failed attempts in a row; %d events wait.%n",
                    paused.endpoint().organizationName(), String.join(", ", paused.endpoint().feeds()),
                    paused.circuit().pausedUntil().truncatedTo(ChronoUnit.SECONDS), paused.circuit().failures(),
                    paused.pending());
        }
        if (run.failed() > 0) {
            out.println("  See them with './onboard webhooks list --status failed'; re-queue with './onboard webhooks retry'.");
        }
        return run.misconfigured() ? ExitCodes.UNUSABLE : run.failed() > 0 ? ExitCodes.FAILED : ExitCodes.COMPLETED;
    }
}
