package org.onboarding.feed;

import java.util.List;
import java.util.Set;

/**
 * A customer field as a feed declares it.
 *
 * @param name        the field's name; file headers match it ignoring case and separators
 * @param type        how its values are checked
 * @param requiredFor the account types for which a row must carry a value
 * @param values      the allowed values of an {@link FieldType#ENUM} field
 */
public record FieldDeclaration(String name, FieldType type, Set<AccountType> requiredFor, List<String> values) {

    public FieldDeclaration {
        requiredFor = requiredFor == null ? Set.of() : Set.copyOf(requiredFor);
        values = values == null ? List.of() : List.copyOf(values);
        if (type == null) {
            type = FieldType.TEXT;
        }
    }
}
