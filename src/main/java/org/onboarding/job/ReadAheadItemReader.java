package org.onboarding.job;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads ahead of the step in a thread of its own, so that parsing runs while the step thread checks
 * the previous rows and waits on the database for the previous chunk. Memory stays flat: at most
 * {@code capacity} items wait in the queue.
 * <p>
 * Restart stays exact: with each item it keeps what the delegate would save just after reading it,
 * and saves that for the last item handed to the step, not for the items read ahead of it.
 *
 * @param <T> the items read
 */
class ReadAheadItemReader<T> implements ItemStreamReader<T> {

    private static final Object END = new Object();

    private final ItemStreamReader<T> delegate;
    private final int capacity;
    private final String threadName;
    private BlockingQueue<Object> queue;
    private Thread worker;
    private ExecutionContext savedAfterLast;
    private boolean ended;

    ReadAheadItemReader(ItemStreamReader<T> delegate, int capacity, String threadName) {
        this.delegate = delegate;
        this.capacity = capacity;
        this.threadName = threadName;
    }

    /** An item read ahead, with what the delegate saves just after it. */
    private record Ahead<T>(T item, ExecutionContext savedAfter) {
    }

    @Override
    public void open(ExecutionContext context) {
        delegate.open(context);
        savedAfterLast = new ExecutionContext();
        delegate.update(savedAfterLast);
        ended = false;
        queue = new ArrayBlockingQueue<>(capacity);
        worker = new Thread(this::readAhead, threadName);
        worker.setDaemon(true);
        worker.start();
    }

    private void readAhead() {
        try {
            T item;
            while ((item = delegate.read()) != null) {
                ExecutionContext savedAfter = new ExecutionContext();
                delegate.update(savedAfter);
                queue.put(new Ahead<>(item, savedAfter));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error failure) {
            // Queued behind the items read before it, so those still reach the step in order.
            try {
                queue.put(failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read() throws Exception {
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
        Ahead<T> ahead = (Ahead<T>) next;
        savedAfterLast = ahead.savedAfter();
        return ahead.item();
    }

    @Override
    public void update(ExecutionContext context) {
        savedAfterLast.entrySet().forEach(entry -> context.put(entry.getKey(), entry.getValue()));
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
            delegate.close();
        }
    }
}
