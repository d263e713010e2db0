package org.onboarding.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.onboarding.serve.OnboardService;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./onboard serve}: starts the service and says what it watches; the service runs until stopped. */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the service: watches inbox/<feed>/ for files to import and delivers webhooks, until stopped.",
                "Files move to processed/<feed>/ or failed/<feed>/ with the execution id in their name."})
class ServeCommand implements Callable<Integer> {

    private final OnboardService service;

    @Spec
    private CommandSpec spec;

    public ServeCommand(OnboardService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OnboardService.Started started = service.start();
        if (!started.recovered().isEmpty()) {
            out.printf("Recovered interrupted imports %s: restart them with './onboard restart ID'.%n",
                    started.recovered());
        }
        out.printf("Serving as %s: watching %s; webhooks every %s. Stop with Ctrl-C or SIGTERM.%n", started.instance(),
                started.inboxes(), DurationStyle.SIMPLE.print(started.webhookInterval()));
        out.flush();
        // Returning leaves the service running: the HTTP server keeps the process alive until SIGTERM.
        return ExitCodes.COMPLETED;
    }
}
