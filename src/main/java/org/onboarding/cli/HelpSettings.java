package org.onboarding.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import org.onboarding.settings.OnboardProperties;

/**
 * The settings the commands' help gives as their defaults, as this run has them, so {@code --help}
 * prints the value an option left out would take rather than the setting's name. The help quotes
 * them as {@code ${bundle:key}}. The settings are read only when a help text quotes one, so that help
 * which quotes none reads no settings at all.
 */
final class HelpSettings extends ResourceBundle {

    /** The writers an import uses without {@code --writers}. Not an option's name, which picocli would take as its description. */
    static final String WRITERS = "setting.writers";

    private final Supplier<OnboardProperties> properties;
    private OnboardProperties read;

    HelpSettings(Supplier<OnboardProperties> properties) {
        this.properties = properties;
    }

    @Override
    protected Object handleGetObject(String key) {
        return WRITERS.equals(key) ? Integer.toString(settings().writers()) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(List.of(WRITERS));
    }

    private synchronized OnboardProperties settings() {
        if (read == null) {
            read = properties.get();
        }
        return read;
    }
}
