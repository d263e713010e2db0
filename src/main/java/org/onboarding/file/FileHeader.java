package org.onboarding.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onboarding.feed.ColumnKey;
import org.onboarding.feed.FieldDefinition;
import org.onboarding.pii.PiiText;

/**
 * A file's header resolved against the standard columns and the organisation's field
 * definitions: which cell of a row holds what.
 */
public final class FileHeader {

    private final List<String> names;
    private final Map<StandardColumn, Integer> standard;
    private final List<CustomColumn> custom;
    private final List<String> unknown;
    private final List<Integer> unknownIndexes;

    /** The longest name a customer field definition stores. */
    public static final int MAX_FIELD_NAME = 100;

    private FileHeader(List<String> names, Map<StandardColumn, Integer> standard, List<CustomColumn> custom,
            List<String> unknown, List<Integer> unknownIndexes) {
        this.names = List.copyOf(names);
        this.standard = standard;
        this.custom = List.copyOf(custom);
        this.unknown = List.copyOf(unknown);
        this.unknownIndexes = List.copyOf(unknownIndexes);
    }

    /**
     * Resolves header cells. Refuses a header that lacks referenceId, name or accountTypeId, or
     * names one column twice.
     */
    public static FileHeader resolve(Path file, String[] cells, Collection<FieldDefinition> definitions) {
        Map<String, FieldDefinition> definitionsByKey = new HashMap<>();
        definitions.forEach(definition -> definitionsByKey.put(definition.nameKey(), definition));
        Map<String, StandardColumn> standardByKey = new HashMap<>();
        for (StandardColumn column : StandardColumn.values()) {
            standardByKey.put(column.key(), column);
        }

        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<StandardColumn, Integer> standard = new EnumMap<>(StandardColumn.class);
        List<CustomColumn> custom = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Integer> unknownIndexes = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            String name = i == 0 ? stripByteOrderMark(cells[i]).strip() : cells[i].strip();
            names.add(name);
            String key = ColumnKey.of(name);
            if (key.isEmpty()) {
                unknown.add(name.isEmpty() ? "(column " + (i + 1) + " has no name)" : PiiText.text(name, 60));
                unknownIndexes.add(i);
                continue;
            }
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                throw new UnimportableFileException(file, "line 1: columns " + (earlier + 1) + " ('"
                        + PiiText.text(names.get(earlier), 60) + "') and " + (i + 1) + " ('" + PiiText.text(name, 60)
                        + "') name the same field");
            }
            StandardColumn column = standardByKey.get(key);
            if (column != null) {
                standard.put(column, i);
            } else if (definitionsByKey.containsKey(key)) {
                custom.add(new CustomColumn(i, name, definitionsByKey.get(key)));
            } else {
                unknown.add(PiiText.text(name, 60));
                unknownIndexes.add(i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (StandardColumn column : StandardColumn.values()) {
            if (column.required() && !standard.containsKey(column)) {
                missing.add(column.apiName());
            }
        }
        if (!missing.isEmpty()) {
            throw new UnimportableFileException(file, "line 1: the header has no " + String.join(", ", missing)
                    + " column (required: referenceId, name, accountTypeId; found: "
                    + PiiText.text(String.join(", ", names), 200) + ")");
        }
        return new FileHeader(names, standard, custom, unknown, unknownIndexes);
    }

    /**
     * Refuses, before anything is written, unknown columns that cannot become customer field
     * definitions ({@code unknownColumns: create}): a name that is blank, has no letter or digit,
     * holds control characters, or is longer than a definition's name may be.
     */
    public void requireFieldNamesForUnknownColumns(Path file) {
        for (int index : unknownIndexes) {
            String name = names.get(index);
            String problem = name.isEmpty() ? "has no name"
                    : name.codePoints().anyMatch(FileHeader::isControl) ? "has control characters in its name"
                    : ColumnKey.of(name).isEmpty() ? "has no letter or digit in its name"
                    : name.length() > MAX_FIELD_NAME ? "has a name of " + name.length() + " characters (at most "
                            + MAX_FIELD_NAME + ")"
                    : null;
            if (problem != null) {
                throw new UnimportableFileException(file, "line 1, column " + (index + 1)
                        + (name.isEmpty() ? "" : " ('" + PiiText.text(name, 60) + "')") + " " + problem
                        + ", so it cannot become a customer field (the feed creates fields for unknown columns)");
            }
        }
    }

    private static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    private static String stripByteOrderMark(String cell) {
        return cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
    }

    /** The header's names, as written in the file. */
    public List<String> names() {
        return names;
    }

    /** The cell of a standard column in a row: trimmed, and null when the column or the cell is absent or blank. */
    public String cell(String[] row, StandardColumn column) {
        Integer index = standard.get(column);
        return index == null ? null : cell(row, index);
    }

    public boolean has(StandardColumn column) {
        return standard.containsKey(column);
    }

    /** The position of a standard column, or -1 when the file has none. */
    public int indexOf(StandardColumn column) {
        return standard.getOrDefault(column, -1);
    }

    /** The cell at a position: trimmed, and null when absent or blank. */
    public static String cell(String[] row, int index) {
        if (index >= row.length) {
            return null;
        }
        String value = row[index].strip();
        return value.isEmpty() ? null : value;
    }

    public List<CustomColumn> customColumns() {
        return custom;
    }

    /** Columns that match no standard key and no field definition. */
    public List<String> unknownColumns() {
        return unknown;
    }
}
