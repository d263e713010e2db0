package org.onboarding.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything an import leaves in the application's tables, minus generated ids and timestamps,
 * as sorted lines: two runs that should end alike must have equal snapshots.
 */
public record TableSnapshot(List<String> customers, List<String> fieldValues, List<String> connections,
        List<String> rejects, List<String> warnings) {

    public static TableSnapshot of(JdbcTemplate jdbc) {
        return new TableSnapshot(
                jdbc.queryForList("""
                        select concat_ws('|', reference_id, name, account_type_id, bvn, email, phone, id_type, id_number,
                                         third_party_identifier, last_source_line)
                        from customer order by reference_id""", String.class),
                jdbc.queryForList("""
                        select concat_ws('|', c.reference_id, d.name, v.value)
                        from customer_field_value v join customer c on c.id = v.customer_id
                        join customer_field_definition d on d.id = v.field_definition_id
                        order by c.reference_id, d.name""", String.class),
                jdbc.queryForList("""
                        select concat_ws('|', c.reference_id, r.reference_id, k.role)
                        from customer_connection k join customer c on c.id = k.customer_id
                        join customer r on r.id = k.related_customer_id
                        order by 1""", String.class),
                jdbc.queryForList("""
                        select concat_ws('|', line_number, reference_id, kind, related_reference_id, field, reason, row_cells)
                        from import_reject order by line_number, field, reason""", String.class),
                jdbc.queryForList("""
                        select concat_ws('|', line_number, reference_id, field, message)
                        from import_warning order by line_number, field, message""", String.class));
    }

    public List<String> all() {
        List<String> all = new ArrayList<>(customers);
        all.addAll(fieldValues);
        all.addAll(connections);
        all.addAll(rejects);
        all.addAll(warnings);
        return all;
    }
}
