package org.onboarding.job;

import org.onboarding.rules.CustomerValidator;
import org.onboarding.rules.ValidatedRow;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.onboarding.file.CustomerFileReader;
import org.onboarding.file.FilePosition;
import org.onboarding.file.InspectedFile;
import org.onboarding.file.RowPartition;
import org.onboarding.file.CustomerRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a customer file and checks the rows of its part ahead of the step, in a background
 * thread, so that parsing and the rules run while the step thread waits on the database for the
 * previous chunk. Rows of other parts are passed over unchecked.
 * <p>
 * Restart stays exact: the position saved with each chunk is the file's position just after the
 * last row handed to the step, not after the rows read ahead, and a restart seeks there. Memory
 * stays flat: at most {@code capacity} rows wait in the queue.
 */
public class ValidatedRowReader implements ItemStreamReader<ValidatedRow> {

    private static final String RECORDS = "validatedRows.records";
    private static final String BYTE_OFFSET = "validatedRows.byteOffset";
    private static final String LINES_READ = "validatedRows.linesRead";
    private static final Object END = new Object();

    private final CustomerFileReader records;
    private final CustomerValidator validator;
    private final RowPartition partition;
    private final int capacity;
    private final InspectedFile inspected;
    private BlockingQueue<Object> queue;
    private Thread worker;
    private FilePosition position;
    private boolean ended;

    /**
     * @param inspected what inspection saw of the file, held against it as it is read (null: not recorded)
     */
    public ValidatedRowReader(CustomerFileReader records, CustomerValidator validator, RowPartition partition,
            int capacity, InspectedFile inspected) {
        this.inspected = inspected;
        this.records = records;
        this.validator = validator;
        this.partition = partition;
        this.capacity = capacity;
    }

    /** A row checked ahead, with the file's position just after it. */
    private record Ahead(FilePosition position, ValidatedRow row) {
    }

    @Override
    public void open(ExecutionContext context) {
        position = new FilePosition(context.getLong(RECORDS, 0), context.getLong(BYTE_OFFSET, 0),
                context.getLong(LINES_READ, 0));
        ended = false;
        queue = new ArrayBlockingQueue<>(capacity);
        records.open(position);
        worker = new Thread(this::readAhead, "read-ahead-" + partition.index());
        worker.setDaemon(true);
        worker.start();
    }

    private void readAhead() {
        try {
            CustomerRecord record;
            long recordsRead = position.records();
            while ((record = records.read()) != null) {
                FilePosition after = records.position();
                recordsRead = after.records();
                if (inspected != null) {
                    inspected.requireWithin(recordsRead);
                }
                if (partition.owns(record.cells())) {
                    queue.put(new Ahead(after, validator.process(record)));
                }
            }
            if (inspected != null) {
                inspected.requireUnchanged(recordsRead);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error failure) {
            // Queued behind the rows read before it, so those still reach the step in order.
            try {
                queue.put(failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ValidatedRow read() throws Exception {
        if (ended) {
            return null;
        }
        Object next = queue.take();
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof Exception exception) {
            throw exception;
        }
        if (next instanceof Error error) {
            throw error;
        }
        Ahead ahead = (Ahead) next;
        position = ahead.position();
        return ahead.row();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(RECORDS, position.records());
        context.putLong(BYTE_OFFSET, position.byteOffset());
        context.putLong(LINES_READ, position.linesRead());
    }

    @Override
    public void close() {
        try {
            if (worker != null) {
                worker.interrupt();
                worker.join();
                worker = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("Interrupted while stopping the read-ahead", e);
        } finally {
            records.close();
        }
    }
}
