package org.onboarding.remote;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.onboarding.job.ImportParameters;
import org.onboarding.job.RemoteParts;
import org.onboarding.lease.PartLeases;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The importing process's side of a remote import: sends each part of the customers step to the
 * workers' queue, then follows the parts in the job repository until every one has ended
 * ({@link PartsWatch}). Nothing the workers send back is needed: the repository is the one record of
 * each part, so an importing process restarted later finds them there too.
 */
@Component
class WorkerPool extends AbstractPartitionHandler implements RemoteParts {

    private final MessageChannel partRequests;
    private final JobRepository jobRepository;
    private final PartLeases leases;
    private final AmqpAdmin broker;
    private final ConnectionFactory connections;
    private final RemoteProperties properties;
    private final JsonMapper json;

    WorkerPool(@Qualifier("partRequests") MessageChannel partRequests, JobRepository jobRepository,
            PartLeases leases, AmqpAdmin broker, ConnectionFactory connections, RemoteProperties properties,
            JsonMapper json) {
        this.partRequests = partRequests;
        this.jobRepository = jobRepository;
        this.leases = leases;
        this.broker = broker;
        this.connections = connections;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Checks that the broker answers, before anything is written: a remote import that cannot reach it
     * is refused at once rather than left waiting for workers.
     *
     * @throws BrokerUnreachableException naming the broker, when it does not answer
     */
    void checkReachable() {
        try {
            connections.createConnection().close();
        } catch (AmqpException e) {
            throw new BrokerUnreachableException(connections.getHost() + ":" + connections.getPort(), e);
        }
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStep, Set<StepExecution> parts) {
        List<StepExecution> inOrder = parts.stream().sorted(Comparator.comparing(StepExecution::getStepName)).toList();
        for (StepExecution part : inOrder) {
            send(part);
        }
        return new PartsWatch(managerStep, inOrder, this).awaitEnd();
    }

    /** Sends (or sends again) a part to the workers. */
    void send(StepExecution part) {
        String sha256 = part.getJobExecution().getJobParameters().getString(ImportParameters.SHA256);
        PartRequest request = new PartRequest(part.getJobExecutionId(), part.getId(), sha256);
        partRequests.send(MessageBuilder.withPayload(json.writeValueAsBytes(request))
                .setHeader("contentType", "application/json").build());
    }

    /** The workers' queue now: how many workers listen and how many requests wait (-1 when the broker cannot tell), how many workers live. */
    QueueState queue() {
        long live = leases.liveWorkers(properties.queue());
        try {
            QueueInformation queue = broker.getQueueInfo(properties.queue());
            return queue == null ? new QueueState(0, 0, live)
                    : new QueueState(queue.getConsumerCount(), queue.getMessageCount(), live);
        } catch (AmqpException e) {
            return new QueueState(-1, -1, live);
        }
    }

    /**
     * @param listening   consumers on the queue, for the broker
     * @param waiting     requests no worker has taken yet
     * @param liveWorkers workers of the queue's pool that renew their lease, for the database
     */
    record QueueState(int listening, long waiting, long liveWorkers) {
    }

    JobRepository jobRepository() {
        return jobRepository;
    }

    PartLeases leases() {
        return leases;
    }

    RemoteProperties properties() {
        return properties;
    }
}
