package org.onboarding.customers;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.onboarding.rules.ValidCustomer;
import org.onboarding.rules.ValidatedRow;

/**
 * What one lookup of stored customers names: referenceIds, and the BVNs, emails and phones (as the
 * rules store them) that a customer of the organisation may already hold.
 */
public record CustomerKeys(Collection<String> referenceIds, Collection<String> bvns, Collection<String> emails,
        Collection<String> phones) {

    /** The customers named by referenceId alone. */
    public static CustomerKeys referenceIds(Collection<String> referenceIds) {
        return new CustomerKeys(referenceIds, List.of(), List.of(), List.of());
    }

    /** Every referenceId and identity the valid rows of a chunk carry. */
    public static CustomerKeys of(List<ValidatedRow> rows) {
        Set<String> referenceIds = new LinkedHashSet<>();
        Set<String> bvns = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (ValidatedRow row : rows) {
            if (row.isValid()) {
                ValidCustomer customer = row.customer();
                referenceIds.add(customer.referenceId());
                addPresent(bvns, customer.bvn());
                addPresent(emails, customer.email());
                addPresent(phones, customer.phone());
            }
        }
        return new CustomerKeys(referenceIds, bvns, emails, phones);
    }

    public boolean isEmpty() {
        return referenceIds.isEmpty() && bvns.isEmpty() && emails.isEmpty() && phones.isEmpty();
    }

    private static void addPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }
}
