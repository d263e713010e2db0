package org.onboarding.customers;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.onboarding.db.SqlArrays;
import org.onboarding.db.SqlDialect;
import org.onboarding.db.Upsert;
import org.onboarding.feed.AccountType;
import org.onboarding.rules.ValidCustomer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and writes customers a chunk at a time: one query finds every customer a chunk names,
 * one statement upserts the chunk's customers, and one inserts the field values of the customers it
 * creates and one upserts those of the others, each binding a whole column as an array
 * ({@code unnest(…)}); the {@link SqlDialect} writes each upsert as the database needs it.
 */
@Component
public class CustomerStore {

    // One index descent per referenceId, BVN, email and phone (indexes customer_reference_uk,
    // customer_bvn_uk, customer_email_idx and customer_phone_idx); union drops a customer found twice.
    private static final String FIND = Stream.of("reference_id", "bvn", "email", "phone")
            .map(key -> """
                    select c.id, c.reference_id, c.account_type_id, c.bvn, c.email, c.phone, c.last_job_instance_id,
                           c.last_source_line
                    from unnest(?) as k(%1$s)
                    join customer c on c.organization_id = ? and c.%1$s = k.%1$s""".formatted(key))
            .collect(Collectors.joining("\nunion\n"));

    // The chunk's columns, one array each, and the import's organisation and instance for every row.
    private static final String CUSTOMER_ROWS = """
            select u.id, cast(? as uuid), u.reference_id, u.name, u.account_type_id, u.bvn, u.email, u.phone,
                   u.id_type, u.id_number, u.third_party_identifier, cast(? as bigint), u.line, cast(? as bigint)
            from unnest(%s)
                 as u(id, reference_id, name, account_type_id, bvn, email, phone, id_type, id_number,
                      third_party_identifier, line)""";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final String upsertCustomers;
    private final String insertCustomers;
    private final String upsertFieldValues;
    private final String insertFieldValues;

    public CustomerStore(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        String[] customerColumns = {"id", "organization_id", "reference_id", "name", "account_type_id", "bvn", "email",
                "phone", "id_type", "id_number", "third_party_identifier", "last_job_instance_id", "last_source_line",
                "created_job_instance_id"};
        String customerRows = CUSTOMER_ROWS.formatted(dialect.arrays("uuid", "varchar", "varchar", "int4", "varchar",
                "varchar", "varchar", "varchar", "varchar", "varchar", "int8"));
        this.insertCustomers = "insert into customer (" + String.join(", ", customerColumns) + ")\n" + customerRows;
        this.upsertCustomers = dialect.upsert(Upsert.into("customer", customerColumns)
                .key("organization_id", "reference_id")
                .rows(customerRows)
                .replace("name", "account_type_id")
                .keepWhereNull("bvn", "email", "phone", "id_type", "id_number", "third_party_identifier")
                .replace("last_job_instance_id", "last_source_line")
                .set("updated_at", "current_timestamp"));
        String fieldValueRows = "select * from unnest(" + dialect.arrays("uuid", "uuid", "varchar") + ")";
        this.upsertFieldValues = dialect.upsert(Upsert.into("customer_field_value", "customer_id",
                        "field_definition_id", "value")
                .key("customer_id", "field_definition_id")
                .rows(fieldValueRows)
                .replace("value"));
        this.insertFieldValues = "insert into customer_field_value (customer_id, field_definition_id, value)\n"
                + fieldValueRows;
    }

    /** Every customer of the organisation that has one of the keys' referenceIds, BVNs, emails or phones. */
    public List<ExistingCustomer> find(UUID organizationId, CustomerKeys keys) {
        return jdbc.execute((ConnectionCallback<List<ExistingCustomer>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                int p = 1;
                for (Collection<String> values
                        : List.of(keys.referenceIds(), keys.bvns(), keys.emails(), keys.phones())) {
                    statement.setArray(p++, SqlArrays.of(connection, "varchar", values));
                    statement.setObject(p++, organizationId);
                }
                List<ExistingCustomer> found = new ArrayList<>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new ExistingCustomer(rows.getObject(1, UUID.class), rows.getString(2),
                                AccountType.ofId(rows.getInt(3)).orElseThrow(), rows.getString(4), rows.getString(5),
                                rows.getString(6), (Long) rows.getObject(7, Long.class),
                                (Long) rows.getObject(8, Long.class)));
                    }
                }
                return found;
            }
        });
    }

    /** Whether the organisation holds no customer at all, as for its first import. */
    public boolean noneOf(UUID organizationId) {
        return jdbc.queryForList("select 1 from customer where organization_id = ? fetch first 1 rows only",
                Integer.class, organizationId).isEmpty();
    }

    /**
     * Refreshes the customer table's statistics: the planner otherwise takes a BVN for a value shared
     * by a thousand rows and scans the table for every chunk instead of walking the unique indexes.
     */
    public void refreshStatistics() {
        dialect.refreshStatistics("customer");
    }

    /**
     * Creates or updates the chunk's customers; empty values never overwrite stored ones. The customers the
     * chunk creates (its lookup found no stored one of their referenceId) go in with a plain insert, without
     * the upsert's conflict check; one another import created meanwhile is refused by the unique key, and the
     * row-by-row retry that follows finds it and updates it.
     */
    public void upsert(UUID organizationId, long jobInstanceId, List<CustomerUpsert> upserts) {
        write(insertCustomers, organizationId, jobInstanceId, upserts.stream().filter(CustomerUpsert::created).toList());
        write(upsertCustomers, organizationId, jobInstanceId,
                upserts.stream().filter(upsert -> !upsert.created()).toList());
    }

    private void write(String sql, UUID organizationId, long jobInstanceId, List<CustomerUpsert> upserts) {
        if (upserts.isEmpty()) {
            return;
        }
        int size = upserts.size();
        UUID[] ids = new UUID[size];
        String[][] text = new String[8][size];
        Integer[] accountTypes = new Integer[size];
        Long[] lines = new Long[size];
        for (int i = 0; i < size; i++) {
            CustomerUpsert upsert = upserts.get(i);
            ValidCustomer customer = upsert.customer();
            ids[i] = upsert.id();
            accountTypes[i] = customer.accountType().id();
            lines[i] = upsert.line();
            text[0][i] = customer.referenceId();
            text[1][i] = customer.name();
            text[2][i] = customer.bvn();
            text[3][i] = customer.email();
            text[4][i] = customer.phone();
            text[5][i] = customer.idType();
            text[6][i] = customer.idNumber();
            text[7][i] = customer.thirdPartyIdentifier();
        }
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int p = 1;
                statement.setObject(p++, organizationId);
                statement.setLong(p++, jobInstanceId);
                statement.setLong(p++, jobInstanceId);
                statement.setArray(p++, SqlArrays.of(connection, "uuid", Arrays.asList(ids)));
                statement.setArray(p++, SqlArrays.of(connection, "varchar", Arrays.asList(text[0])));
                statement.setArray(p++, SqlArrays.of(connection, "varchar", Arrays.asList(text[1])));
                statement.setArray(p++, SqlArrays.of(connection, "integer", Arrays.asList(accountTypes)));
                for (int column = 2; column <= 7; column++) {
                    statement.setArray(p++, SqlArrays.of(connection, "varchar", Arrays.asList(text[column])));
                }
                statement.setArray(p, SqlArrays.of(connection, "bigint", Arrays.asList(lines)));
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Sets the chunk's custom field values (000's customerMappedField); absent values are left as they are.
     * A customer the chunk creates has none stored yet, so its values are inserted without the upsert's
     * conflict check, which at 2.7 million values cost PostgreSQL about 4 of the 21 seconds they took.
     */
    public void upsertFieldValues(List<CustomerUpsert> upserts) {
        writeFieldValues(insertFieldValues, upserts.stream().filter(CustomerUpsert::created).toList());
        writeFieldValues(upsertFieldValues, upserts.stream().filter(upsert -> !upsert.created()).toList());
    }

    private void writeFieldValues(String sql, List<CustomerUpsert> upserts) {
        List<UUID> customers = new ArrayList<>();
        List<UUID> definitions = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (CustomerUpsert upsert : upserts) {
            for (Map.Entry<UUID, String> value : upsert.customer().fieldValues().entrySet()) {
                customers.add(upsert.id());
                definitions.add(value.getKey());
                values.add(value.getValue());
            }
        }
        if (values.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, SqlArrays.of(connection, "uuid", customers));
                statement.setArray(2, SqlArrays.of(connection, "uuid", definitions));
                statement.setArray(3, SqlArrays.of(connection, "varchar", values));
                return statement.executeUpdate();
            }
        });
    }
}
