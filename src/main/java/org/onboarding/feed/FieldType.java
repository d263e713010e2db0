package org.onboarding.feed;

/** The type of an organisation's customer field; a value in a file is checked against it. */
public enum FieldType {
    TEXT, NUMBER, DATE, BOOLEAN, EMAIL, PHONE, ENUM
}
