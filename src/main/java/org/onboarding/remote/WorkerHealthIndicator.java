package org.onboarding.remote;

import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code parts} component of a worker's {@code /actuator/health/worker} (when it has a port): up
 * while it takes parts from the queue, down when it listens but none of its consumers is connected
 * (the broker is lost), out of service before it listens and once it is shutting down.
 */
class WorkerHealthIndicator implements HealthIndicator {

    private final Workers workers;
    private final SimpleMessageListenerContainer listener;
    private final PartWorker worker;
    private final RemoteProperties properties;

    WorkerHealthIndicator(Workers workers, SimpleMessageListenerContainer listener, PartWorker worker,
            RemoteProperties properties) {
        this.workers = workers;
        this.listener = listener;
        this.worker = worker;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder health;
        if (!workers.listening() || !workers.isRunning()) {
            health = Health.outOfService();
        } else if (listener.getActiveConsumerCount() == 0) {
            health = Health.down().withDetail("problem", "no consumer connected to the broker");
        } else {
            health = Health.up();
        }
        return health.withDetail("queue", properties.queue()).withDetail("partsRunning", worker.running()).build();
    }
}
