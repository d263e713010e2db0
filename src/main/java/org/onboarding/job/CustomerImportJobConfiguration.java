package org.onboarding.job;

import org.onboarding.lease.ImportLeases;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

/**
 * The customer import job: prepare (feed, field definitions, how many writers) → customers (read,
 * check every rule, upsert per chunk; split into parts that writers import side by side when the
 * file's rows allow it; stage the rows' connects cells) → connections (link the staged cells, in
 * file order) → reject report → forget the staged cells → queue the notifications. One job instance
 * per organisation and file content; a failed execution restarts in the step it failed, from its last
 * committed chunk. Each step is wired in a configuration of its own, named after it.
 */
@Configuration
public class CustomerImportJobConfiguration {

    public static final String JOB_NAME = "customerImport";
    public static final String PREPARE_STEP = "prepareImport";
    public static final String CUSTOMERS_STEP = "importCustomers";
    public static final String CONNECTIONS_STEP = "linkConnections";
    /** A part's step; its executions are named {@code customerPart:part0}, {@code customerPart:part1}, … */
    public static final String PART_STEP = "customerPart";
    /**
     * A failed part's step execution context: why it failed, in one line, identity numbers masked; its exit
     * description holds a stack trace the job repository cuts short, often before the cause.
     */
    public static final String PART_FAILURE = "part.failure";
    /** A part's step execution context: the worker (its instance id) that ran the part of a remote import. */
    public static final String PART_WORKER = "part.worker";
    /**
     * A remote part's step execution context: when a worker first started it (epoch milliseconds), kept
     * when another worker takes it over, whose run restarts the step's own start time.
     */
    public static final String PART_FIRST_STARTED = "part.first.started";

    @Bean
    Job customerImportJob(JobRepository jobRepository, Step prepareImport, Step importCustomers,
            Step linkConnections, Step writeRejectReport, Step forgetStagedConnects, Step queueNotifications,
            RunningImports runningImports, ImportFailureNotifier importFailureNotifier, ImportLeases leases) {
        // The lease first: taken before anything else runs, and (listeners end in reverse) dropped last.
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(leases)
                .listener(runningImports)
                .listener(importFailureNotifier)
                .start(prepareImport)
                .next(importCustomers)
                .next(linkConnections)
                .next(writeRejectReport)
                .next(forgetStagedConnects)
                .next(queueNotifications)
                .build();
    }

    /** Shared by the step's other parts, which are created inside the step, so it needs no proxy (a record cannot have one). */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    ImportContext importContext(@Value("#{stepExecution}") StepExecution stepExecution,
            ImportContextFactory contexts) {
        return contexts.create(stepExecution.getJobExecution());
    }
}
