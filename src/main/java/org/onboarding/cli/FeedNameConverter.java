package org.onboarding.cli;

import org.onboarding.feed.FeedNames;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --feed NAME}: refused unless it is a feed's name, before any path is built from it, so that
 * no name can lead outside {@code jobs/} or {@code reports/}.
 */
final class FeedNameConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        if (!FeedNames.isValid(value)) {
            throw new TypeConversionException("'" + value + "': " + FeedNames.RULE);
        }
        return value;
    }
}
