package org.onboarding.cli;

import picocli.CommandLine.Command;

/** {@code ./onboard}: the pipeline's command line. */
@Command(name = "onboard", mixinStandardHelpOptions = true, version = "onboard 0.1.0",
        description = "Imports organisations' customer files under the KYC rules of the Create/Update Customer APIs.",
        subcommands = {ImportCommand.class, ServeCommand.class, WorkerCommand.class, JobsCommand.class, ShowCommand.class,
                RestartCommand.class, StopCommand.class, AbandonCommand.class, RecoverCommand.class,
                WebhooksCommand.class, SampleCommand.class,
                picocli.CommandLine.HelpCommand.class})
class OnboardCommand {
}
