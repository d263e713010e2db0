package org.onboarding.cli;

import java.util.function.Supplier;

import org.onboarding.feed.FeedException;
import org.onboarding.file.UnimportableFileException;
import org.onboarding.job.ImportSummaries;
import org.onboarding.operations.OperationRefusedException;
import org.onboarding.remote.BrokerUnreachableException;
import org.onboarding.pii.PiiText;
import org.onboarding.settings.OnboardProperties;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/**
 * Runs the command line inside the Spring application: picocli parses the arguments and builds
 * the commands as Spring beans. A user's mistake (bad option, unusable file, unknown feed, an
 * operation refused on an execution) is one clear line and exit status 2, never a stack trace nor the
 * whole usage.
 */
@Component
@ConditionalOnProperty(name = "onboard.cli.enabled", havingValue = "true", matchIfMissing = true)
class OnboardCli implements CommandLineRunner, ExitCodeGenerator {

    private final ApplicationContext context;
    private final OnboardProperties properties;
    private int exitCode;

    public OnboardCli(ApplicationContext context, OnboardProperties properties) {
        this.context = context;
        this.properties = properties;
    }

    @Override
    public void run(String... args) {
        CommandLine commandLine = commandLine(new SpringFactory(), () -> properties);
        // An invalid invocation is one line, exit status 2: what is wrong and where the usage is, not the whole usage.
        commandLine.setParameterExceptionHandler((failure, arguments) -> {
            CommandLine command = failure.getCommandLine();
            command.getErr().println("onboard: " + PiiText.text(failure.getMessage())
                    + " (see ./" + command.getCommandSpec().qualifiedName() + " --help)");
            return ExitCodes.UNUSABLE;
        });
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> {
            boolean usersMistake = failure instanceof UnimportableFileException || failure instanceof FeedException
                    || failure instanceof OperationRefusedException;
            line.getErr().println("onboard: " + told(failure, usersMistake));
            if (!usersMistake) {
                // The logger is asked for only here: help and the version, answered by this class's command
                // line before any application starts, would otherwise start the logging library first.
                LoggerFactory.getLogger(OnboardCli.class).error("{} failed", String.join(" ", args), failure);
            }
            return usersMistake ? ExitCodes.UNUSABLE : ExitCodes.FAILED;
        });
        exitCode = args.length == 0 ? usage(commandLine) : commandLine.execute(args);
    }

    /**
     * A failure in one line. A user's mistake is our own message, masked, a refused file's name left as
     * given; anything else may quote a database's, with a row's values.
     */
    private static String told(Exception failure, boolean usersMistake) {
        if (failure instanceof UnimportableFileException unimportable) {
            return unimportable.shown(2_000);
        }
        if (failure instanceof BrokerUnreachableException unreachable) {
            return PiiText.escape(unreachable.getMessage());
        }
        return usersMistake ? PiiText.text(failure.getMessage(), 2_000) : ImportSummaries.describe(failure);
    }

    /** The command line, its commands built by the factory, its help quoting these settings. */
    static CommandLine commandLine(CommandLine.IFactory factory, Supplier<OnboardProperties> properties) {
        return new CommandLine(new OnboardCommand(), factory).setCaseInsensitiveEnumValuesAllowed(true)
                .setResourceBundle(new HelpSettings(properties));
    }

    static int usage(CommandLine commandLine) {
        commandLine.usage(commandLine.getErr());
        return ExitCodes.UNUSABLE;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * Commands that are Spring beans come from the context; the rest are built without services: the
     * command groups and help, and in the read-only commands' context the commands it does not run.
     */
    private final class SpringFactory implements CommandLine.IFactory {

        private final CommandLine.IFactory withoutServices = new CommandsWithoutServices();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            K bean = context.getBeanProvider(type).getIfAvailable();
            return bean != null ? bean : withoutServices.create(type);
        }
    }
}
