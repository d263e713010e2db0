package org.onboarding.job;

import org.onboarding.file.CustomerRecord;
import org.onboarding.rules.CustomerValidator;
import org.onboarding.rules.ValidatedRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A part's records with every rule applied as they are read, so that reading ahead
 * ({@link ReadAheadItemReader}) checks the next rows in its own thread while the step thread waits on
 * the database for the chunk before: one writer's JVM and database work overlap instead of taking
 * turns. The rules are pure, so where a restart resumes is still the reader's alone.
 */
class CheckedRecordReader implements ItemStreamReader<ValidatedRow> {

    private final ItemStreamReader<CustomerRecord> records;
    private final CustomerValidator rules;

    CheckedRecordReader(ItemStreamReader<CustomerRecord> records, CustomerValidator rules) {
        this.records = records;
        this.rules = rules;
    }

    @Override
    public ValidatedRow read() throws Exception {
        CustomerRecord record = records.read();
        return record == null ? null : rules.process(record);
    }

    @Override
    public void open(ExecutionContext context) {
        records.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        records.update(context);
    }

    @Override
    public void close() {
        records.close();
    }
}
