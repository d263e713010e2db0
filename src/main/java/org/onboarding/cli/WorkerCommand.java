package org.onboarding.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.onboarding.remote.RemoteImports;
import org.onboarding.remote.Workers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./onboard worker [--concurrency N]}: joins the pool that runs remote imports' parts, until stopped. */
@Component
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs the parts of remote imports (import --remote) as they come, until stopped.",
                "The broker comes from SPRING_RABBITMQ_HOST/PORT/USERNAME/PASSWORD, the database from"
                        + " SPRING_DATASOURCE_*; ONBOARD_WORKER_NAME names the worker.",
                "Ctrl-C or SIGTERM stops its parts at their next chunk; another worker resumes them."})
class WorkerCommand implements Callable<Integer> {

    private final ObjectProvider<Workers> workers;
    private final RemoteImports remoteImports;

    @Spec
    private CommandSpec spec;

    @Option(names = "--concurrency", paramLabel = "N", converter = WriterCountConverter.class,
            description = "parts run at a time (default: the setting ONBOARD_REMOTE_CONCURRENCY, 1 unless set)")
    private Integer concurrency;

    WorkerCommand(ObjectProvider<Workers> workers, RemoteImports remoteImports) {
        this.workers = workers;
        this.remoteImports = remoteImports;
    }

    @Override
    public Integer call() {
        Workers pool = workers.getIfAvailable();
        if (pool == null) {
            throw new IllegalStateException("this process was not started as a worker");
        }
        if (!remoteImports.sharedDatabase()) {
            throw new ParameterException(spec.commandLine(), "a worker needs the database of the imports it runs parts"
                    + " of (PostgreSQL, from SPRING_DATASOURCE_URL); the embedded one is this process's alone");
        }
        Workers.Listening listening = pool.listen(concurrency);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Worker %s: taking parts from queue %s, %d at a time. Stop with Ctrl-C or SIGTERM.%n",
                listening.worker(), listening.queue(), listening.concurrency());
        out.flush();
        // Returning leaves the worker running: its listener's threads keep the process alive until SIGTERM.
        return ExitCodes.COMPLETED;
    }
}
