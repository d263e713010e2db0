package org.onboarding.feed;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One feed declaration ({@code jobs/<name>.json}) read into a {@link Feed}, every mistake in it told
 * in the file's own words: the line of the offending key, the values one may write there, never a
 * Java class. The line of each key is taken from the text itself, since the binder's position after
 * buffering a record's properties is lines past the key at fault.
 */
final class FeedFile {

    private final JsonMapper mapper;
    private final Path file;
    private final String text;
    /** The line of every key, array element and object, by JSON pointer; the root object is {@code ""}. */
    private final Map<String, Integer> lines = new HashMap<>();

    private FeedFile(JsonMapper mapper, Path file, String text) {
        this.mapper = mapper;
        this.file = file;
        this.text = text;
    }

    /**
     * The reader a feed file needs, derived from the application's mapper: strict, since a misspelt key
     * is an error rather than an ignored setting, and case-blind for enum values ({@code "Wallet"}).
     */
    static JsonMapper strict(JsonMapper json) {
        return json.rebuild()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Reads the feed declared in {@code file}, which must be named {@code stem}.json, with
     * {@code mapper}, a {@link #strict} one.
     */
    static Feed read(JsonMapper mapper, Path file, String stem) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new FeedException(file + ": cannot be read: " + e.getMessage());
        }
        return new FeedFile(mapper, file, text).bind(stem);
    }

    private Feed bind(String stem) {
        JsonNode tree;
        try {
            indexLines();
            tree = mapper.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new FeedException(file + (at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        FeedKeys.firstUnknown(tree, Feed.class).ifPresent(unknown -> {
            throw error(unknown.pointer(), "unknown setting \"" + unknown.key() + "\""
                    + unknown.suggestion().map(known -> " (did you mean \"" + known + "\"?)").orElse(""));
        });
        Feed feed;
        try {
            feed = mapper.treeToValue(tree, Feed.class);
        } catch (DatabindException e) {
            throw explain(e);
        }
        checkOrganization(feed);
        if (feed.name() != null && !feed.name().equals(stem)) {
            throw error("/name", "\"name\" must be the file's name, \"" + stem + "\", not \"" + feed.name() + "\"");
        }
        return feed.name() == null ? withName(feed, stem) : feed;
    }

    private void checkOrganization(Feed feed) {
        Organization organization = feed.organization();
        if (organization == null) {
            throw error("", "missing required setting \"organization\": {\"id\": \"<uuid>\", \"name\": \"...\"}");
        }
        if (organization.id() == null) {
            throw error("/organization", "\"organization\" needs \"id\", the organisation's UUID");
        }
        if (organization.name() == null || organization.name().isBlank()) {
            throw error("/organization", "\"organization\" needs \"name\", the organisation's name");
        }
    }

    /** A binding failure in the file's words: which key, what it must be. */
    private FeedException explain(DatabindException failure) {
        List<JacksonException.Reference> path = failure.getPath();
        String pointer = path.stream()
                .map(reference -> reference.getPropertyName() != null ? FeedKeys.escape(reference.getPropertyName())
                        : String.valueOf(reference.getIndex()))
                .map(step -> "/" + step)
                .collect(Collectors.joining());
        String key = path.stream().map(JacksonException.Reference::getPropertyName)
                .filter(name -> name != null).reduce((first, second) -> second).orElse("the feed");
        if (failure instanceof ValueInstantiationException && failure.getCause() != null) {
            // A record refused its own values (wallets without a bank code…): its message names them.
            return error(pointer, failure.getCause().getMessage());
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String value = failure instanceof InvalidFormatException invalid ? String.valueOf(invalid.getValue()) : null;
            return error(pointer, "\"" + key + "\" must be " + expected(mismatch.getTargetType())
                    + (value == null ? "" : ", not \"" + value + "\""));
        }
        return error(pointer, "\"" + key + "\": " + failure.getOriginalMessage().lines().findFirst().orElse(""));
    }

    /** What a value of {@code type} looks like in a feed file. */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID such as 0b042d50-fa8d-44d6-b3e5-02ace4c24f8b";
        }
        if (Charset.class.isAssignableFrom(type)) {
            return "a charset such as UTF-8 or windows-1252";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "a time zone such as Africa/Lagos";
        }
        if (type == String.class || type == Path.class) {
            return "text in double quotes";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list: [ … ]";
        }
        return "an object: { … }";
    }

    private FeedException error(String pointer, String message) {
        return new FeedException(file + " line " + lineOf(pointer) + ": " + message);
    }

    /** The line of {@code pointer}, or of the nearest enclosing key or object the text has. */
    private int lineOf(String pointer) {
        String at = pointer;
        while (!lines.containsKey(at) && !at.isEmpty()) {
            at = at.substring(0, at.lastIndexOf('/'));
        }
        return lines.getOrDefault(at, 1);
    }

    private void indexLines() {
        try (JsonParser parser = mapper.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    lines.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(),
                            parser.currentTokenLocation().getLineNr());
                }
            }
        }
    }

    private static Feed withName(Feed feed, String name) {
        return new Feed(name, feed.organization(), feed.encoding(), feed.fields(), feed.requiredIdentity(),
                feed.unknownColumns(), feed.identityDuplicates(), feed.skipLimit(), feed.connections(),
                feed.wallets(), feed.webhooks(), feed.schedule(), feed.inbox(), feed.limits(),
                feed.doneMarker());
    }
}
