package org.onboarding.connections;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a connects cell in either of its forms: the compact {@code COMP-001:DIRECTOR|TRUST-002:UBO}
 * (the last colon of an entry separates the referenceId from the role) or the API's JSON array
 * {@code [{"referenceId":"COMP-001","role":"DIRECTOR"}]}. An entry that cannot be read becomes an
 * entry with an error, so the cell's other entries still count.
 */
public final class ConnectsCell {

    private static final int MAX_LENGTH = 10_000;

    private final JsonMapper json;

    /** @param json reads the JSON form of a cell: the application's mapper */
    public ConnectsCell(JsonMapper json) {
        this.json = json;
    }

    /**
     * One connection a cell asks for.
     *
     * @param relatedReferenceId the related customer's referenceId, or null when unreadable
     * @param role               the role as written, or null when unreadable
     * @param error              why the entry cannot be read, or null
     */
    public record Entry(String relatedReferenceId, String role, String error) {

        static Entry unreadable(String relatedReferenceId, String error) {
            return new Entry(relatedReferenceId, null, error);
        }
    }

    public List<Entry> parse(String cell) {
        if (cell.length() > MAX_LENGTH) {
            return List.of(Entry.unreadable(null, "connects is longer than " + MAX_LENGTH + " characters"));
        }
        String trimmed = cell.strip();
        return trimmed.startsWith("[") ? parseJson(trimmed) : parseCompact(trimmed);
    }

    private static List<Entry> parseCompact(String cell) {
        List<Entry> entries = new ArrayList<>();
        for (String part : cell.split("\\|")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            String related = colon < 0 ? entry : entry.substring(0, colon).strip();
            String role = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (colon < 0 || related.isEmpty() || role.isEmpty()) {
                entries.add(Entry.unreadable(related.isEmpty() ? null : related,
                        "connects entry '" + entry + "' is not written referenceId:ROLE"));
            } else {
                entries.add(new Entry(related, role, null));
            }
        }
        return entries;
    }

    private List<Entry> parseJson(String cell) {
        JsonNode array;
        try {
            array = json.readTree(cell);
        } catch (JacksonException e) {
            return List.of(Entry.unreadable(null, "connects is not a valid JSON array: " + e.getOriginalMessage()));
        }
        if (!array.isArray()) {
            return List.of(Entry.unreadable(null, "connects is not a JSON array"));
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : array) {
            String related = text(item, "referenceId");
            String role = text(item, "role");
            if (related == null || role == null) {
                entries.add(Entry.unreadable(related, "connects item " + item + " needs a referenceId and a role"));
            } else {
                entries.add(new Entry(related, role, null));
            }
        }
        return entries;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || !(value.isString() || value.isNumber())) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }
}
