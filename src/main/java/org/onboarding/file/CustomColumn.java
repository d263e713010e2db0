package org.onboarding.file;

import org.onboarding.feed.FieldDefinition;

/** A file column that carries a customer field's values. */
public record CustomColumn(int index, String header, FieldDefinition definition) {
}
