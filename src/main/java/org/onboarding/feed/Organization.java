package org.onboarding.feed;

import java.util.UUID;

/** The organisation a feed's customers belong to. */
public record Organization(UUID id, String name) {
}
