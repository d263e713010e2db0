package org.onboarding.file;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

import org.onboarding.feed.FileLimits;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a customer file record by record, each knowing the line it starts on. Restartable: the
 * step's execution context keeps, with each chunk, the records read and the byte and line where
 * the next one starts, and a restart seeks there instead of reading the file from the top (in
 * charsets where a line starts at a byte of its own: UTF-8 and the single-byte ones; in others it
 * reads its way there).
 */
public class CustomerFileReader extends AbstractItemCountingItemStreamItemReader<CustomerRecord> {

    private static final String BYTE_OFFSET = "byte.offset";
    private static final String LINES_READ = "lines.read";

    private final Path file;
    private final Charset charset;
    private final FileLimits limits;
    private CustomerRecords records;
    private FilePosition resumeAt;

    public CustomerFileReader(Path file, Charset charset, FileLimits limits) {
        this.file = file;
        this.charset = charset;
        this.limits = limits;
        setName("customerFile");
    }

    /** Opens the file at a position it was left at ({@link FilePosition#START} for the first record). */
    public void open(FilePosition position) {
        ExecutionContext context = new ExecutionContext();
        if (position.records() > 0) {
            context.putInt(getExecutionContextKey("read.count"), Math.toIntExact(position.records()));
            context.putLong(getExecutionContextKey(BYTE_OFFSET), position.byteOffset());
            context.putLong(getExecutionContextKey(LINES_READ), position.linesRead());
        }
        open(context);
    }

    @Override
    public void open(ExecutionContext context) {
        resumeAt = context.containsKey(getExecutionContextKey(BYTE_OFFSET))
                ? new FilePosition(context.getInt(getExecutionContextKey("read.count")),
                        context.getLong(getExecutionContextKey(BYTE_OFFSET)),
                        context.getLong(getExecutionContextKey(LINES_READ)))
                : null;
        super.open(context);
    }

    @Override
    protected void doOpen() throws Exception {
        openAt(FilePosition.START);
        if (records.header() == null) {
            throw new UnimportableFileException(file, "the file has no header line");
        }
    }

    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        if (resumeAt != null && resumeAt.records() == itemIndex && CustomerCsv.canSeek(charset)) {
            doClose();
            openAt(resumeAt);
        } else {
            super.jumpToItem(itemIndex);
        }
    }

    private void openAt(FilePosition position) throws IOException {
        records = CustomerCsv.open(file, file, charset, limits, position);
    }

    @Override
    protected CustomerRecord doRead() {
        return records.next();
    }

    /** Where the file is now: after the last record read. */
    public FilePosition position() {
        FilePosition position = records.position();
        return new FilePosition(getCurrentItemCount(), position.byteOffset(), position.linesRead());
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        if (records != null) {
            FilePosition position = records.position();
            context.putLong(getExecutionContextKey(BYTE_OFFSET), position.byteOffset());
            context.putLong(getExecutionContextKey(LINES_READ), position.linesRead());
        }
    }

    @Override
    protected void doClose() throws IOException {
        if (records != null) {
            records.close();
        }
        records = null;
    }
}
