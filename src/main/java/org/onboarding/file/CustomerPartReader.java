package org.onboarding.file;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of one part of a customer file: the rows whose referenceId the part owns, the
 * others passed over. It holds the file to what inspection saw of it (a file that grows, shrinks or
 * changes while it is imported fails the step), and saves the position just after the last record it
 * returned, so a restart seeks there.
 */
public class CustomerPartReader implements ItemStreamReader<CustomerRecord> {

    // Named as the earlier read-ahead reader named them, so executions it saved restart where they were.
    private static final String RECORDS = "validatedRows.records";
    private static final String BYTE_OFFSET = "validatedRows.byteOffset";
    private static final String LINES_READ = "validatedRows.linesRead";

    private final CustomerFileReader records;
    private final RowPartition partition;
    private final InspectedFile inspected;
    private FilePosition position;

    /**
     * @param inspected what inspection saw of the file, held against it as it is read (null: not recorded)
     */
    public CustomerPartReader(CustomerFileReader records, RowPartition partition, InspectedFile inspected) {
        this.records = records;
        this.partition = partition;
        this.inspected = inspected;
    }

    @Override
    public void open(ExecutionContext context) {
        position = new FilePosition(context.getLong(RECORDS, 0), context.getLong(BYTE_OFFSET, 0),
                context.getLong(LINES_READ, 0));
        records.open(position);
    }

    @Override
    public CustomerRecord read() throws Exception {
        CustomerRecord record;
        long recordsRead = position.records();
        while ((record = records.read()) != null) {
            FilePosition after = records.position();
            recordsRead = after.records();
            if (inspected != null) {
                inspected.requireWithin(recordsRead);
            }
            if (partition.owns(record.cells())) {
                position = after;
                return record;
            }
        }
        if (inspected != null) {
            inspected.requireUnchanged(recordsRead);
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(RECORDS, position.records());
        context.putLong(BYTE_OFFSET, position.byteOffset());
        context.putLong(LINES_READ, position.linesRead());
    }

    @Override
    public void close() {
        records.close();
    }
}
