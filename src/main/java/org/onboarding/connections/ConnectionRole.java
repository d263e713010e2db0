package org.onboarding.connections;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.onboarding.feed.AccountType;

/** 000's connection roles, and which account types may hold each toward the related customer. */
enum ConnectionRole {
    UBO(EnumSet.of(AccountType.PERSON)),
    DIRECTOR(EnumSet.of(AccountType.PERSON)),
    SHAREHOLDER(EnumSet.of(AccountType.PERSON, AccountType.COMPANY)),
    AUTHORIZED_PERSON(EnumSet.of(AccountType.PERSON)),
    BANK_ACCOUNT(EnumSet.allOf(AccountType.class)),
    ACCOUNT_HOLDER(EnumSet.allOf(AccountType.class));

    private final Set<AccountType> holders;

    ConnectionRole(Set<AccountType> holders) {
        this.holders = holders;
    }

    /** The role of that name, whatever its case. */
    public static Optional<ConnectionRole> named(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (ConnectionRole role : values()) {
            if (role.name().equals(upper)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public boolean mayBeHeldBy(AccountType accountType) {
        return holders.contains(accountType);
    }

    /** Who may hold the role, for a reject's reason: "a Person", "a Person or a Company", "any customer". */
    public String holders() {
        return holders.size() == AccountType.values().length ? "any customer"
                : holders.stream().map(type -> "a " + type.label()).collect(Collectors.joining(" or "));
    }
}
