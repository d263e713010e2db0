package org.onboarding.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.onboarding.job.ImportLauncher;
import org.onboarding.job.ImportOutcome;
import org.onboarding.job.ImportRequest;
import org.onboarding.job.ImportSummary;
import org.onboarding.remote.RemoteImports;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./onboard import [--feed NAME] [--encoding CHARSET] [--rerun] [--writers N | --remote [--parts N]] FILE}. */
@Component
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports one customer file.",
                "Importing a file whose import failed restarts it from its last committed chunk.",
                "Exit status: 0 completed, 1 failed (restartable), 2 invalid invocation or unusable file."})
class ImportCommand implements Callable<Integer> {

    private final ImportLauncher launcher;
    private final ObjectProvider<RemoteImports> remoteImports;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the customer file (CSV)")
    private Path file;

    @Option(names = "--feed", paramLabel = "NAME", converter = FeedNameConverter.class,
            description = "the feed in jobs/ (default: the default feed, demo)")
    private String feed;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "the file's charset when it is not the feed's, e.g. windows-1252")
    private Charset encoding;

    @Option(names = "--rerun", description = "import again content that was already imported")
    private boolean rerun;

    @Option(names = "--writers", paramLabel = "N", converter = WriterCountConverter.class,
            description = "at most N writers side by side (default: ${bundle:" + HelpSettings.WRITERS
                    + "}, the setting ONBOARD_WRITERS); 1 imports in file order")
    private Integer writers;

    @Option(names = "--remote", description = "run the customers' parts on workers (./onboard worker) through"
            + " the message broker; PostgreSQL only")
    private boolean remote;

    @Option(names = "--parts", paramLabel = "N", converter = WriterCountConverter.class,
            description = "with --remote: split the file into N parts for the workers (default: "
                    + ImportRequest.DEFAULT_REMOTE_PARTS + ", at most " + ImportRequest.MAX_REMOTE_PARTS + ")")
    private Integer parts;

    public ImportCommand(ImportLauncher launcher, ObjectProvider<RemoteImports> remoteImports) {
        this.launcher = launcher;
        this.remoteImports = remoteImports;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ImportRequest request;
        if (remote) {
            if (writers != null) {
                throw new ParameterException(spec.commandLine(), "--writers is for a local import; a remote one"
                        + " takes --parts");
            }
            RemoteImports remoteImport = remoteImports.getObject();
            remoteImport.refusal().ifPresent(why -> {
                throw new ParameterException(spec.commandLine(), why);
            });
            remoteImport.checkReachable();
            request = new ImportRequest(file, feed, encoding, rerun, parts, true);
        } else {
            if (parts != null) {
                throw new ParameterException(spec.commandLine(), "--parts needs --remote; a local import takes"
                        + " --writers");
            }
            request = new ImportRequest(file, feed, encoding, rerun, writers);
        }
        ImportOutcome outcome = launcher.launch(request);
        ImportSummary summary = outcome.summary();
        switch (outcome.kind()) {
            case ALREADY_IMPORTED -> {
                if (summary.status() == BatchStatus.ABANDONED) {
                    out.printf("%s was abandoned (execution %d), so its content counts as imported; nothing to do."
                            + " Use --rerun to import it again.%n", file, summary.executionId());
                    return ExitCodes.COMPLETED;
                }
                out.printf("%s was already imported by execution %d (%s); nothing to do. Use --rerun to import it again.%n",
                        file, summary.executionId(), summary.status());
                return ExitCodes.COMPLETED;
            }
            case ALREADY_RUNNING -> {
                out.printf("%s is being imported by execution %d, which is still marked %s. If its process died"
                        + " (killed, power loss), run './onboard recover %d', then import the file again to restart it.%n",
                        file, summary.executionId(), summary.status(), summary.executionId());
                return ExitCodes.FAILED;
            }
            default -> {
                SummaryPrinter.print(out, file, summary);
                return summary.status() == BatchStatus.COMPLETED ? ExitCodes.COMPLETED : ExitCodes.FAILED;
            }
        }
    }
}
