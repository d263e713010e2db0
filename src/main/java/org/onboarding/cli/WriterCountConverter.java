package org.onboarding.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --writers N}: a whole number, 1 or more; anything else is refused while the arguments are read. */
final class WriterCountConverter implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            int writers = Integer.parseInt(value.strip());
            if (writers >= 1) {
                return writers;
            }
        } catch (NumberFormatException notANumber) {
            // Told below, with the same words as a number too small.
        }
        throw new TypeConversionException("'" + value + "': must be a whole number, 1 or more");
    }
}
