package org.onboarding.job;

import java.util.Collection;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs the customers step's parts where the import asked: in this process's threads (the default),
 * or on workers when it was launched remote. Decided per execution from its parameters, so a
 * restart runs its parts where the first run did, unless it was launched again the other way.
 */
final class ImportPartsHandler implements PartitionHandler {

    private final PartitionHandler local;
    private final ObjectProvider<RemoteParts> remote;
    private final SharedRejectCount sharedRejects;

    ImportPartsHandler(PartitionHandler local, ObjectProvider<RemoteParts> remote, SharedRejectCount sharedRejects) {
        this.local = local;
        this.remote = remote;
        this.sharedRejects = sharedRejects;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStep)
            throws Exception {
        if (!ImportParameters.remote(managerStep.getJobExecution().getJobParameters())) {
            return local.handle(splitter, managerStep);
        }
        RemoteParts workers = remote.getIfAvailable();
        if (workers == null) {
            throw new IllegalStateException("this import's parts run on workers, and this process cannot send them"
                    + " any: import the file again without --remote to run them here");
        }
        // The workers hold the skip limit together through the database, from what earlier runs rejected.
        sharedRejects.start(managerStep.getJobExecution());
        return workers.handle(splitter, managerStep);
    }
}
