package org.onboarding.cli;

import java.util.ListResourceBundle;

import org.onboarding.settings.OnboardProperties;

/**
 * The settings the commands' help gives as their defaults, as this run has them, so {@code --help}
 * prints the value an option left out would take rather than the setting's name. The help quotes
 * them as {@code ${bundle:key}}.
 */
final class HelpSettings extends ListResourceBundle {

    /** The writers an import uses without {@code --writers}. Not an option's name, which picocli would take as its description. */
    static final String WRITERS = "setting.writers";

    private final Object[][] contents;

    HelpSettings(OnboardProperties properties) {
        contents = new Object[][] {{WRITERS, Integer.toString(properties.writers())}};
    }

    @Override
    protected Object[][] getContents() {
        return contents;
    }
}
