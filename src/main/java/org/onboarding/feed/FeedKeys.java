package org.onboarding.feed;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

import tools.jackson.databind.JsonNode;

/**
 * Finds a key a feed declaration does not know, before it is bound: binding alone would first trip
 * over what the misspelt key left out ({@code bankCod} reported as a missing {@code bankCode}). The
 * known keys are the components of the records a feed is made of, so they never drift from them.
 */
final class FeedKeys {

    /** A misspelling is at most this many edits away from the key it was meant to be. */
    private static final int MAX_EDITS = 2;

    private FeedKeys() {
    }

    /**
     * An unknown key found in {@code node}, read as a {@code type}.
     *
     * @param pointer    where it is, as a JSON pointer
     * @param key        the key as written
     * @param suggestion the known key it most resembles, if one is close
     */
    record UnknownKey(String pointer, String key, Optional<String> suggestion) {
    }

    /** The first unknown key in document order, if any. */
    static Optional<UnknownKey> firstUnknown(JsonNode node, Type type) {
        return firstUnknown(node, type, "");
    }

    private static Optional<UnknownKey> firstUnknown(JsonNode node, Type type, String pointer) {
        Class<?> raw = rawClass(type);
        if (raw.isRecord() && node.isObject()) {
            List<RecordComponent> components = Arrays.asList(raw.getRecordComponents());
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String key = property.getKey();
                String child = pointer + "/" + escape(key);
                Optional<RecordComponent> component = components.stream().filter(c -> c.getName().equals(key)).findFirst();
                if (component.isEmpty()) {
                    return Optional.of(new UnknownKey(child, key, closest(key, components)));
                }
                Optional<UnknownKey> inside = firstUnknown(property.getValue(), component.get().getGenericType(), child);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                Optional<UnknownKey> inside = firstUnknown(node.get(index), typeArgument(type, 0), pointer + "/" + index);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Optional<UnknownKey> inside = firstUnknown(entry.getValue(), typeArgument(type, 1),
                        pointer + "/" + escape(entry.getKey()));
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> closest(String key, List<RecordComponent> components) {
        LevenshteinDistance distance = new LevenshteinDistance(MAX_EDITS);
        // Case is the commonest slip (skiplimit for skipLimit): compared without it, then by edits.
        return components.stream().map(RecordComponent::getName)
                .filter(name -> distance.apply(key.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)) >= 0)
                .min(Comparator.comparingInt(name -> distance.apply(key.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))));
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        return type instanceof ParameterizedType parameterized ? rawClass(parameterized.getRawType()) : Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index] : Object.class;
    }

    /** A key as a JSON pointer writes it (RFC 6901). */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
