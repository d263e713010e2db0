package org.onboarding.rejects;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.onboarding.feed.FieldType;
import org.onboarding.file.CustomColumn;
import org.onboarding.file.FileHeader;
import org.onboarding.file.StandardColumn;
import org.onboarding.pii.PiiText;

/**
 * Masks a row's cells before they are stored as a reject or reported: by column (BVN, identity
 * document number, phone, email, and phone-typed custom fields) and, since a row whose cells are
 * shifted (a stray comma) may hold them anywhere, every cell by what its value looks like
 * ({@link PiiText#maskIdentities}).
 */
public final class PiiMask {

    private final Set<Integer> maskedColumns = new HashSet<>();
    private final int columns;
    private final int emailColumn;

    public PiiMask(FileHeader header) {
        columns = header.names().size();
        emailColumn = header.indexOf(StandardColumn.EMAIL);
        for (StandardColumn column : List.of(StandardColumn.BVN, StandardColumn.PHONE, StandardColumn.ID_NUMBER)) {
            if (header.has(column)) {
                maskedColumns.add(header.indexOf(column));
            }
        }
        for (CustomColumn column : header.customColumns()) {
            if (column.definition().type() == FieldType.PHONE) {
                maskedColumns.add(column.index());
            }
        }
    }

    /** A copy of the row's cells with the identity values masked, by column and by look. */
    public String[] maskRow(String[] cells) {
        String[] masked = new String[cells.length];
        boolean aligned = cells.length == columns;
        for (int index = 0; index < cells.length; index++) {
            String cell = cells[index];
            if (aligned && maskedColumns.contains(index)) {
                masked[index] = PiiText.mask(cell);
            } else if (aligned && index == emailColumn) {
                masked[index] = PiiText.maskEmail(cell);
            } else {
                masked[index] = PiiText.maskIdentities(cell);
            }
        }
        return masked;
    }
}
