package org.onboarding.file;

/**
 * One data record of a customer file, as read: the physical line it starts on (records may span
 * lines) and its cells. The same request as one call to the Create/Update Customer API.
 */
public record CustomerRecord(long line, String[] cells) {
}
