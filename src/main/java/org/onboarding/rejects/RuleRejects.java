package org.onboarding.rejects;

/**
 * How many rejects one rule made in an import: the rules are named by the field they check
 * ({@code bvn}, {@code email}…), and a connection refused counts under {@code connects}.
 *
 * @param field   the field the rule checks
 * @param rejects how many rows it refused (a row refused by two rules counts under both)
 */
public record RuleRejects(String field, long rejects) {
}
