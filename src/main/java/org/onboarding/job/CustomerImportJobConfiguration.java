package org.onboarding.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.onboarding.settings.OnboardProperties;
import org.onboarding.connections.ConnectsStaging;
import org.onboarding.customers.ChunkPlanner;
import org.onboarding.customers.CustomerImportWriter;
import org.onboarding.customers.CustomerStore;
import org.onboarding.imports.ImportTally;
import org.onboarding.feed.FieldDefinitionStore;
import org.onboarding.file.CustomerFileReader;
import org.onboarding.file.RowPartition;
import org.onboarding.file.StandardColumn;
import org.onboarding.lease.ImportLeases;
import org.onboarding.rejects.RejectStore;
import org.onboarding.rules.CustomerValidator;
import org.onboarding.rules.ValidatedRow;
import org.onboarding.wallets.DefaultWallets;
import org.onboarding.wallets.WalletStore;
import org.onboarding.webhooks.WebhookOutbox;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.NeverSkipItemSkipPolicy;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * The customer import job: prepare (feed, field definitions, how many writers) → customers (read,
 * check every rule, upsert per chunk; split into parts that writers import side by side when the
 * file's rows allow it; stage the rows' connects cells) → connections (link the staged cells, in
 * file order) → reject report → forget the staged cells. One job instance per organisation and
 * file content; a failed execution restarts in the step it failed, from its last committed chunk.
 */
@Configuration
public class CustomerImportJobConfiguration {

    public static final String JOB_NAME = "customerImport";
    public static final String PREPARE_STEP = "prepareImport";
    public static final String CUSTOMERS_STEP = "importCustomers";
    public static final String CONNECTIONS_STEP = "linkConnections";
    /** A part's step; its executions are named {@code customerPart:part0}, {@code customerPart:part1}, … */
    public static final String PART_STEP = "customerPart";
    static final String PART_INDEX = "part.index";
    static final String PART_COUNT = "part.count";

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

    /** The last step: the import's notifications, queued in the webhook outbox. */
    @Bean
    Step queueNotifications(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ImportContextFactory contexts, ImportSummaries summaries, WalletStore wallets, WebhookOutbox outbox,
            JsonMapper json) {
        return new StepBuilder("queueNotifications", jobRepository)
                .tasklet(new QueueNotificationsTasklet(contexts, summaries, wallets, outbox, json), transactionManager)
                .build();
    }


    @Bean
    Step prepareImport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ImportContextFactory contexts, FieldDefinitionStore definitions, RejectStore rejects,
            ImportPartsPlanner partsPlanner) {
        return new StepBuilder(PREPARE_STEP, jobRepository)
                .tasklet(new PrepareImportTasklet(contexts, definitions, rejects, partsPlanner), transactionManager)
                .build();
    }

    /** Runs the file's parts, each in a thread of its own; a restart runs again only the parts that did not complete. */
    @Bean
    Step importCustomers(JobRepository jobRepository, Step customerPart, Partitioner customerParts) {
        return new StepBuilder(CUSTOMERS_STEP, jobRepository)
                .partitioner(PART_STEP, customerParts)
                .step(customerPart)
                .taskExecutor(new SimpleAsyncTaskExecutor("import-part-"))
                .build();
    }

    /** The parts of the file, as many as the prepare step decided; the same on a restart. */
    @Bean
    @StepScope
    Partitioner customerParts(@Value("#{jobExecutionContext['" + PrepareImportTasklet.PARTS + "']}") Integer parts) {
        int count = parts == null ? 1 : parts;
        return gridSize -> {
            Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
            for (int index = 0; index < count; index++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt(PART_INDEX, index);
                context.putInt(PART_COUNT, count);
                contexts.put("part" + index, context);
            }
            return contexts;
        };
    }

    @Bean
    Step customerPart(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            OnboardProperties properties, ValidatedRowReader validatedRowReader,
            CustomerImportWriter customerImportWriter, ImportTally importTally,
            ItemWriteListener<ValidatedRow> stopWhenAnotherPartFails, RunningImports runningImports) {
        return new StepBuilder(PART_STEP, jobRepository)
                .<ValidatedRow, ValidatedRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(validatedRowReader)
                .writer(customerImportWriter)
                .stream(importTally)
                .listener(stopWhenAnotherPartFails)
                .listener((StepExecutionListener) runningImports)
                .faultTolerant()
                .retryPolicy(TransientErrors.retryPolicy())
                .skipPolicy(new NeverSkipItemSkipPolicy())
                .build();
    }

    @Bean
    Step writeRejectReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ImportContextFactory contexts, RejectStore rejects, OnboardProperties properties) {
        return new StepBuilder("writeRejectReport", jobRepository)
                .tasklet(new RejectReportTasklet(contexts, rejects, properties.reportsDirectory()), transactionManager)
                .build();
    }

    /** Shared by the step's other parts, which are created inside the step, so it needs no proxy (a record cannot have one). */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    ImportContext importContext(@Value("#{stepExecution}") StepExecution stepExecution,
            ImportContextFactory contexts) {
        return contexts.create(stepExecution.getJobExecution());
    }

    /** Reads and checks the rows of the step's part ahead of the writer, two chunks at most. */
    @Bean
    @StepScope
    ValidatedRowReader validatedRowReader(ImportContext importContext, OnboardProperties properties,
            @Value("#{stepExecutionContext['" + PART_INDEX + "']}") Integer partIndex,
            @Value("#{stepExecutionContext['" + PART_COUNT + "']}") Integer partCount,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        RowPartition part = new RowPartition(partIndex == null ? 0 : partIndex, partCount == null ? 1 : partCount,
                importContext.header().indexOf(StandardColumn.REFERENCE_ID));
        return new ValidatedRowReader(new CustomerFileReader(importContext.file(), importContext.charset(),
                importContext.feed().limits()),
                new CustomerValidator(importContext.feed(), importContext.header()), part, 2 * properties.chunkSize(),
                ImportParameters.inspected(stepExecution.getJobExecution().getJobParameters()));
    }

    @Bean
    @StepScope
    ImportTally importTally(RunningImports runningImports, @Value("#{stepExecution}") StepExecution stepExecution) {
        return new ImportTally(runningImports.of(stepExecution.getJobExecution()));
    }

    @Bean
    @StepScope
    ItemWriteListener<ValidatedRow> stopWhenAnotherPartFails(RunningImports runningImports,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        RunningImport running = runningImports.of(stepExecution.getJobExecution());
        return new ItemWriteListener<>() {
            @Override
            public void beforeWrite(Chunk<? extends ValidatedRow> items) {
                running.stopIfAnotherPartFailed();
            }
        };
    }

    @Bean
    @StepScope
    CustomerImportWriter customerImportWriter(ImportContext importContext, CustomerStore customers,
            RejectStore rejects, ConnectsStaging connectsStaging, WalletStore wallets, ImportTally importTally,
            PlatformTransactionManager transactionManager) {
        ChunkPlanner planner = new ChunkPlanner(importContext.feed().identityDuplicates(),
                importContext.run().jobInstanceId());
        DefaultWallets defaultWallets = new DefaultWallets(wallets, importContext.feed().wallets(),
                importContext.run().organizationId(), importContext.run().jobInstanceId());
        return new CustomerImportWriter(customers, rejects, connectsStaging, defaultWallets, planner,
                importContext.run(),
                importContext.mask(),
                importTally, importContext.feed().skipLimit(), transactionManager);
    }
}
