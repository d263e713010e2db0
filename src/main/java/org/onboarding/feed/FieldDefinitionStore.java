package org.onboarding.feed;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onboarding.db.SqlDialect;
import org.onboarding.db.Upsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organisation and its customer field definitions in the database. A feed's declarations
 * are the source of truth for the fields it declares; definitions created from unknown columns
 * (policy {@code create}) are text fields.
 */
@Component
public class FieldDefinitionStore {

    private final JdbcTemplate jdbc;
    private final String upsertOrganization;
    /** A definition another instance inserted a moment before is kept, not an error (see the dialect). */
    private final String ifAbsent;

    public FieldDefinitionStore(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsertOrganization = dialect.upsert(Upsert.into("organization", "id", "name").key("id")
                .rows("values (?, ?)").replace("name"));
        this.ifAbsent = dialect.skipOtherInstancesDuplicate("organization_id", "name_key");
    }

    /**
     * Writes the feed's organisation and declared fields: inserted when new, brought in line when changed.
     * Inserts tolerate a concurrent sync of the same organisation (another instance's import): the first wins.
     */
    public void sync(Feed feed) {
        Organization organization = feed.organization();
        // One upsert: two instances' first imports of one organisation may sync at the same moment.
        jdbc.update(upsertOrganization, organization.id(), organization.name());
        Map<String, FieldDefinition> stored = new HashMap<>();
        load(organization.id()).forEach(definition -> stored.put(definition.nameKey(), definition));
        for (FieldDeclaration declared : feed.fields()) {
            FieldDefinition existing = stored.get(ColumnKey.of(declared.name()));
            String values = declared.values().isEmpty() ? null : String.join("|", declared.values());
            boolean person = declared.requiredFor().contains(AccountType.PERSON);
            boolean company = declared.requiredFor().contains(AccountType.COMPANY);
            if (existing == null) {
                jdbc.update("""
                        insert into customer_field_definition (id, organization_id, name, name_key, type,
                            required_for_person, required_for_company, allowed_values)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""" + ifAbsent, UUID.randomUUID(), organization.id(), declared.name(),
                        ColumnKey.of(declared.name()), declared.type().name().toLowerCase(Locale.ROOT), person, company, values);
            } else {
                jdbc.update("""
                        update customer_field_definition set name = ?, type = ?, required_for_person = ?,
                            required_for_company = ?, allowed_values = ? where id = ?""", declared.name(),
                        declared.type().name().toLowerCase(Locale.ROOT), person, company, values, existing.id());
            }
        }
    }

    /** Creates text definitions for columns the organisation does not define yet. */
    public void createTextFields(UUID organizationId, List<String> names) {
        Set<String> known = new java.util.HashSet<>();
        load(organizationId).forEach(definition -> known.add(definition.nameKey()));
        for (String name : names) {
            String key = ColumnKey.of(name);
            if (!key.isEmpty() && known.add(key)) {
                jdbc.update("""
                        insert into customer_field_definition (id, organization_id, name, name_key, type)
                        values (?, ?, ?, ?, 'text')""" + ifAbsent, UUID.randomUUID(), organizationId, name, key);
            }
        }
    }

    public List<FieldDefinition> load(UUID organizationId) {
        return jdbc.query("""
                select id, name, type, required_for_person, required_for_company, allowed_values
                from customer_field_definition where organization_id = ? order by name""", (row, i) -> {
            Set<AccountType> requiredFor = EnumSet.noneOf(AccountType.class);
            if (row.getBoolean(4)) {
                requiredFor.add(AccountType.PERSON);
            }
            if (row.getBoolean(5)) {
                requiredFor.add(AccountType.COMPANY);
            }
            String values = row.getString(6);
            return new FieldDefinition(row.getObject(1, UUID.class), row.getString(2),
                    FieldType.valueOf(row.getString(3).toUpperCase(Locale.ROOT)), requiredFor,
                    values == null ? List.of() : Arrays.asList(values.split("\\|")));
        }, organizationId);
    }
}
