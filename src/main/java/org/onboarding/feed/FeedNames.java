package org.onboarding.feed;

import java.util.regex.Pattern;

/**
 * The rule every feed's name follows. A name becomes a file name ({@code jobs/<name>.json}) and
 * folder names ({@code reports/<name>/}, {@code inbox/<name>/}), so it can never climb out of them.
 */
public final class FeedNames {

    /** The rule, as messages state it. */
    public static final String RULE = "a feed's name is lower-case letters, digits, '-' and '_', starting with a letter or a digit";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private FeedNames() {
    }

    /** Whether {@code name} may name a feed. */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
