package org.onboarding.cli;

import java.util.OptionalInt;
import java.util.function.Supplier;

import org.onboarding.settings.OnboardProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Answers the command line's requests for help ({@code help}, {@code --help}, no arguments) and for
 * the version before the application starts: no Spring context, no database, a fraction of a second
 * where starting everything takes seconds. The text is the one the started application prints, from
 * the same command line; anything that is not such a request is left to the application.
 */
public final class QuickHelp {

    private QuickHelp() {
    }

    /**
     * Prints the help or version these arguments ask for, if they ask for one, with the settings of the
     * environment (read only if the help quotes one); returns the exit status then, and nothing when the
     * arguments are a command to run, or a mistake or an unusable setting, which the application reports
     * the usual way.
     */
    public static OptionalInt answer(String[] args, Supplier<Environment> environment) {
        if (!mayAskForHelp(args)) {
            return OptionalInt.empty();
        }
        CommandLine commandLine = OnboardCli.commandLine(new CommandsWithoutServices(),
                () -> Binder.get(environment.get()).bindOrCreate("onboard", OnboardProperties.class));
        try {
            if (args.length == 0) {
                return OptionalInt.of(OnboardCli.usage(commandLine));
            }
            ParseResult parsed = commandLine.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return OptionalInt.of(ExitCodes.COMPLETED);
            }
        } catch (RuntimeException notAHelpRequestOrAnUnusableSetting) {
            // A mistake in the arguments (picocli's ParameterException) or a setting that cannot be bound:
            // left to the application, which says what is wrong in its own words.
        }
        return OptionalInt.empty();
    }

    /**
     * Whether these arguments could ask for help or the version, told from their words alone: building the
     * command line to ask picocli would be built again by the application for every other command
     * ({@code jobs}, an import). Errs towards yes: the word {@code help} anywhere, a short-option cluster
     * holding {@code h} or {@code V}, or an argument file ({@code @file}, which picocli expands).
     */
    static boolean mayAskForHelp(String... args) {
        if (args.length == 0) {
            return true;
        }
        for (String arg : args) {
            boolean longOption = arg.startsWith("--");
            boolean shortOptions = !longOption && arg.startsWith("-") && arg.length() > 1;
            if (arg.equals("help") || arg.startsWith("@")
                    || longOption && (arg.equals("--help") || arg.equals("--version")
                            || arg.startsWith("--help=") || arg.startsWith("--version="))
                    || shortOptions && (arg.indexOf('h') > 0 || arg.indexOf('V') > 0)) {
                return true;
            }
        }
        return false;
    }
}
