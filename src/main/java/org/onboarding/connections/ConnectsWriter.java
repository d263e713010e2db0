package org.onboarding.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.onboarding.connections.StagedConnects.RowOutcome;
import org.onboarding.rules.ValidatedRow;

/**
 * Hands a chunk's connects cells to the connections step, in the chunk's transaction: one staged row
 * per row that has a connects cell, with what became of its row and its cells as a reject report would
 * show them (the connections step links once every customer of the file is written).
 */
public class ConnectsWriter {

    private final ConnectsStaging staging;
    private final long jobInstanceId;

    public ConnectsWriter(ConnectsStaging staging, long jobInstanceId) {
        this.staging = staging;
        this.jobInstanceId = jobInstanceId;
    }

    /**
     * @param outcome     what became of the row on a line
     * @param maskedCells a row's cells, masked for a report
     */
    public void write(List<ValidatedRow> rows, LongFunction<RowOutcome> outcome, Function<String[], String> maskedCells) {
        List<StagedConnects> staged = new ArrayList<>();
        for (ValidatedRow row : rows) {
            if (row.connects() != null) {
                staged.add(new StagedConnects(row.line(), row.referenceId(), row.connects(),
                        outcome.apply(row.line()), maskedCells.apply(row.record().cells())));
            }
        }
        staging.stage(jobInstanceId, staged);
    }
}
