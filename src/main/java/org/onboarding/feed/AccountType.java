package org.onboarding.feed;

import java.util.Optional;

/** 000's accountTypeId: 1 for a Person, 2 for a Company. */
public enum AccountType {
    PERSON(1), COMPANY(2);

    private final int id;

    AccountType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The account type as messages name it: Person or Company. */
    public String label() {
        return this == PERSON ? "Person" : "Company";
    }

    public static Optional<AccountType> ofId(int id) {
        for (AccountType type : values()) {
            if (type.id == id) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
