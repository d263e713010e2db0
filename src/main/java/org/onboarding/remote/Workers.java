package org.onboarding.remote;

import java.time.Duration;
import java.util.function.Supplier;

import org.onboarding.lease.PartLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.Lifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * This process as a worker: starts taking parts when {@code ./onboard worker} says so, and on
 * Ctrl-C or SIGTERM stops them at their next chunk and waits for them before the application
 * closes. A part stopped so is handed back: the importing process sends it again, and the next
 * worker resumes it from that chunk.
 */
public class Workers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final SimpleMessageListenerContainer listener;
    private final Supplier<Lifecycle> inbound;
    private final PartWorker worker;
    private final PartLeases leases;
    private final WorkerPool pool;
    private final RemoteProperties properties;
    private volatile boolean running;
    private volatile boolean listening;

    Workers(SimpleMessageListenerContainer listener, Supplier<Lifecycle> inbound, PartWorker worker,
            PartLeases leases, WorkerPool pool, RemoteProperties properties) {
        this.listener = listener;
        this.inbound = inbound;
        this.worker = worker;
        this.leases = leases;
        this.pool = pool;
        this.properties = properties;
    }

    /**
     * Joins the pool: checks the broker answers, registers this process's lease and starts taking parts.
     *
     * @param concurrency how many parts at a time, or null for the setting
     * @return what the worker listens to, for its first line
     * @throws BrokerUnreachableException when the broker does not answer
     */
    public Listening listen(Integer concurrency) {
        pool.checkReachable();
        leases.joinPool(properties.queue());
        int consumers = concurrency == null ? properties.concurrency() : concurrency;
        listener.setConcurrentConsumers(consumers);
        inbound.get().start();
        listening = true;
        return new Listening(leases.self(), properties.queue(), consumers);
    }

    /** Whether this process took parts since it started: it then runs until stopped. */
    public boolean listening() {
        return listening;
    }

    /** What a worker listens to: its instance id, the queue, how many parts at a time. */
    public record Listening(String worker, String queue, int concurrency) {
    }

    @Override
    public void start() {
        running = true;
    }

    /** Stops the parts running here at their next chunk, waits for them, then stops listening. */
    @Override
    public void stop() {
        running = false;
        worker.close();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (worker.busy() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (worker.busy()) {
            log.warn("Parts still running after {} s: they are taken over once this worker's lease lapses",
                    PATIENCE.toSeconds());
        }
        inbound.get().stop();
        try {
            leases.leavePool();
        } catch (RuntimeException databaseGone) {
            log.debug("Could not leave the pool: this worker's lease lapses by itself", databaseGone);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the listener and the database: the parts first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
