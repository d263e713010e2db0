package org.onboarding.feed;

/** What an import does with a column that matches no standard key and no field definition. */
public enum UnknownColumnPolicy {
    /** Import the file without the column, with one warning per column per run (the default). */
    IGNORE,
    /** Refuse the whole file before anything is written. */
    REJECT_FILE,
    /** Create a text field definition named after the column, and import its values. */
    CREATE
}
