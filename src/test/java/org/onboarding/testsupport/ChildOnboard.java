package org.onboarding.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.onboarding.OnboardingApplication;

/**
 * {@code ./onboard} in a JVM of its own, for the tests that need a real process (killed, stopped from
 * another one, started twice): the tests' classpath, a heap as small as the test allows, and the JIT's
 * first tier alone, which starts a context a good deal faster on two cores, as {@code ./onboard} runs
 * its short commands.
 */
public final class ChildOnboard {

    private ChildOnboard() {
    }

    /** The command line starting {@code ./onboard} with these arguments in a JVM of at most {@code heap}. */
    public static List<String> command(String heap, String... args) {
        return command(heap, List.of(args));
    }

    public static List<String> command(String heap, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                OnboardingApplication.class.getName()));
        command.addAll(args);
        return command;
    }
}
