package org.onboarding.imports;

/** Something an import accepted but an operator should know, tied to a line when there is one. */
public record ImportWarning(Long line, String referenceId, String field, String message) {
}
