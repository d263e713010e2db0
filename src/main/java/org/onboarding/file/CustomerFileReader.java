package org.onboarding.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;

import com.opencsv.CSVReader;

import org.onboarding.record.CustomerRecord;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a customer file record by record, each knowing the line it starts on. Restartable:
 * Spring Batch keeps the count of records handed out in the step's execution context, committed
 * with each chunk, and a restart resumes after the last committed chunk.
 */
public class CustomerFileReader extends AbstractItemCountingItemStreamItemReader<CustomerRecord> {

    private final Path file;
    private final Charset charset;
    private Reader reader;
    private CSVReader csv;

    public CustomerFileReader(Path file, Charset charset) {
        this.file = file;
        this.charset = charset;
        setName("customerFile");
    }

    @Override
    protected void doOpen() throws Exception {
        reader = CustomerCsv.open(file, charset);
        csv = CustomerCsv.reader(reader);
        if (CustomerCsv.nextRecord(csv) == null) {
            throw new UnimportableFileException(file + ": the file has no header line");
        }
    }

    @Override
    protected CustomerRecord doRead() throws Exception {
        String[] cells;
        long start;
        do {
            start = csv.getLinesRead() + 1;
            cells = csv.readNext();
        } while (cells != null && CustomerCsv.isBlank(cells));
        return cells == null ? null : new CustomerRecord(start, cells);
    }

    /** The last physical line consumed so far, for progress. */
    public long linesRead() {
        return csv == null ? 0 : csv.getLinesRead();
    }

    @Override
    protected void doClose() throws IOException {
        if (csv != null) {
            csv.close();
        } else if (reader != null) {
            reader.close();
        }
        csv = null;
        reader = null;
    }
}
