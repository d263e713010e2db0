package org.onboarding.feed;

import java.util.List;
import java.util.Set;
import java.util.UUID;


/**
 * A customer field definition as stored for an organisation ({@code customer_field_definition});
 * a file column whose folded name equals {@link #nameKey()} carries this field's values.
 */
public record FieldDefinition(UUID id, String name, FieldType type, Set<AccountType> requiredFor,
        List<String> values) {

    public FieldDefinition {
        requiredFor = Set.copyOf(requiredFor);
        values = List.copyOf(values);
    }

    public String nameKey() {
        return ColumnKey.of(name);
    }

    public boolean requiredFor(AccountType accountType) {
        return requiredFor.contains(accountType);
    }
}
