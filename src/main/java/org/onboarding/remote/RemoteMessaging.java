package org.onboarding.remote;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;

/**
 * The path of a part from an importing process to the workers: the {@code partRequests} channel,
 * published to the workers' durable queue on the broker. The queue holds each part until a worker
 * acknowledges it, after running it: a worker that dies with a part unacknowledged hands it back to
 * the broker, which gives it to another worker.
 */
@Configuration
class RemoteMessaging {

    /** Declared by whichever process reaches the broker first; durable, so parts outlive a broker restart. */
    @Bean
    Queue importParts(RemoteProperties properties) {
        return QueueBuilder.durable(properties.queue()).build();
    }

    @Bean
    MessageChannel partRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow partRequestsToWorkers(AmqpTemplate broker, RemoteProperties properties) {
        return IntegrationFlow.from("partRequests")
                .handle(Amqp.outboundAdapter(broker).routingKey(properties.queue()))
                .get();
    }
}
