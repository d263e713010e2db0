package org.onboarding.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything an import leaves in the application's tables, minus generated ids and timestamps,
 * as sorted lines: two runs that should end alike must have equal snapshots.
 */
public record TableSnapshot(List<String> customers, List<String> fieldValues, List<String> connections,
        List<String> rejects, List<String> warnings, List<String> wallets, List<String> notifications) {

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
                        from import_warning order by line_number, field, message""", String.class),
                jdbc.queryForList("""
                        select concat_ws('|', c.reference_id, w.is_default, w.currency, w.bank_code, w.account_name,
                                         w.interest_accrual_enabled, w.withdrawal_limit_bypassed)
                        from wallet w join customer c on c.id = w.customer_id order by 1""", String.class),
                // A failed run's customer_import.failed is the one notification an uninterrupted run has not.
                jdbc.queryForList("""
                        select concat_ws('|', event_type, count(*)) from webhook_event
                        where event_type <> 'customer_import.failed' group by event_type order by 1""", String.class));
    }

    public List<String> all() {
        List<String> all = new ArrayList<>(customers);
        all.addAll(fieldValues);
        all.addAll(connections);
        all.addAll(rejects);
        all.addAll(warnings);
        all.addAll(wallets);
        all.addAll(notifications);
        return all;
    }
}
