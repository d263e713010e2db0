package org.onboarding.remote;

import java.time.Clock;
import java.time.Duration;

import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.lease.PartLeases;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./onboard worker}: part requests from the workers' queue to the {@link PartWorker}, one
 * request per consumer at a time (a worker never holds parts it has not started, which the other
 * workers could run), each acknowledged only once its part is done with. Listening starts when the
 * command says so ({@link Workers#listen}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("worker")
class WorkerConfiguration {

    static final String INBOUND = "partRequestsInbound";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(70);

    @Bean
    PartWorker partWorker(JobRepository jobRepository,
            @Qualifier(CustomerImportJobConfiguration.PART_STEP) Step customerPart, PartLeases leases,
            JsonMapper json, Clock clock) {
        return new PartWorker(jobRepository, customerPart, leases, json, System.out, clock);
    }

    @Bean
    SimpleMessageListenerContainer partRequestListener(ConnectionFactory connections, RemoteProperties properties) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(properties.queue());
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(properties.concurrency());
        // A request that cannot be handled is dropped, not redelivered in a loop; a worker shutting down requeues its own.
        container.setDefaultRequeueRejected(false);
        container.setAutoStartup(false);
        // Stopped after the worker's parts (Workers, the last phase): a container closing under a running
        // part interrupts its thread, which then stops at its chunk boundary, but only after this wait.
        container.setPhase(Integer.MAX_VALUE - 1);
        container.setShutdownTimeout(SHUTDOWN_WAIT.toMillis());
        return container;
    }

    @Bean
    IntegrationFlow partRequestsFromWorkersQueue(SimpleMessageListenerContainer partRequestListener,
            PartWorker partWorker) {
        return IntegrationFlow.from(Amqp.inboundAdapter(partRequestListener)
                        .messageConverter(new BodyBytes())
                        .autoStartup(false)
                        .id(INBOUND))
                .handle((body, headers) -> {
                    partWorker.handle((byte[]) body, Boolean.TRUE.equals(headers.get(AmqpHeaders.REDELIVERED)));
                    return null;
                })
                .get();
    }

    @Bean
    Workers workers(SimpleMessageListenerContainer partRequestListener, PartWorker partWorker,
            PartLeases leases, WorkerPool pool, RemoteProperties properties, ApplicationContext context) {
        // The inbound adapter is registered by its flow, under its id: looked up when listening starts.
        return new Workers(partRequestListener, () -> context.getBean(INBOUND, Lifecycle.class), partWorker, leases,
                pool, properties);
    }

    /** The {@code parts} component of {@code /actuator/health/worker}, served when the worker has a port ({@code SERVER_PORT}). */
    @Bean("parts")
    WorkerHealthIndicator workerHealth(Workers workers, SimpleMessageListenerContainer partRequestListener,
            PartWorker partWorker, RemoteProperties properties) {
        return new WorkerHealthIndicator(workers, partRequestListener, partWorker, properties);
    }

    /** A message's body as it came: never a Java object deserialized from whatever was published. */
    private static final class BodyBytes implements MessageConverter {

        @Override
        public Message toMessage(Object object, MessageProperties properties) {
            throw new UnsupportedOperationException("the workers' queue is only read here");
        }

        @Override
        public Object fromMessage(Message message) {
            return message.getBody();
        }
    }
}
