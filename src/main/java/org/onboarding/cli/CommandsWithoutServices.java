package org.onboarding.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;

/**
 * Builds each command with no services, for a command line that only prints help, which reads the
 * commands' annotations alone ({@link QuickHelp}), and for the commands the read-only commands' context
 * leaves out. A command built here is never run.
 */
final class CommandsWithoutServices implements CommandLine.IFactory {

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (constructors.length != 1 || constructors[0].getParameterCount() == 0) {
            return CommandLine.defaultFactory().create(type);
        }
        Constructor<?> constructor = constructors[0];
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(new Object[constructor.getParameterCount()]));
    }
}
