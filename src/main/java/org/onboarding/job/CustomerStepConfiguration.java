package org.onboarding.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.onboarding.connections.ConnectsStaging;
import org.onboarding.connections.ConnectsWriter;
import org.onboarding.customers.ChunkPlanner;
import org.onboarding.customers.CustomerStore;
import org.onboarding.customers.CustomerWriter;
import org.onboarding.db.ChunkCommits;
import org.onboarding.file.CustomerFileReader;
import org.onboarding.file.CustomerPartReader;
import org.onboarding.file.RowPartition;
import org.onboarding.file.StandardColumn;
import org.onboarding.imports.ImportTally;
import org.onboarding.rejects.RejectStore;
import org.onboarding.rules.CustomerValidator;
import org.onboarding.rules.ValidatedRow;
import org.onboarding.settings.OnboardProperties;
import org.onboarding.wallets.DefaultWallets;
import org.onboarding.wallets.WalletStore;
import org.onboarding.webhooks.WebhookOutbox;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * The customers step: the file split into as many parts as the prepare step decided, each part a
 * chunk-oriented step of its own, side by side: a reader of the part's file records, checked by the
 * rules as they are read, in a thread of its own ahead of the step (so that a part's parsing and rules
 * overlap its writes), and a writer of customers, wallets with their notifications, rejects and
 * connects cells per chunk.
 */
@Configuration
class CustomerStepConfiguration {

    static final String PART_INDEX = "part.index";
    static final String PART_COUNT = "part.count";

    /**
     * Runs the file's parts, each in a thread of its own, or on workers for a remote import; a restart
     * runs again only the parts that did not complete.
     */
    @Bean
    Step importCustomers(JobRepository jobRepository, Step customerPart, Partitioner customerParts,
            ObjectProvider<RemoteParts> remoteParts, SharedRejectCount sharedRejects) throws Exception {
        TaskExecutorPartitionHandler threads = new TaskExecutorPartitionHandler();
        threads.setStep(customerPart);
        threads.setTaskExecutor(new SimpleAsyncTaskExecutor("import-part-"));
        threads.afterPropertiesSet();
        return new StepBuilder(CustomerImportJobConfiguration.CUSTOMERS_STEP, jobRepository)
                .partitioner(CustomerImportJobConfiguration.PART_STEP, customerParts)
                .step(customerPart)
                .partitionHandler(new ImportPartsHandler(threads, remoteParts, sharedRejects))
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
            OnboardProperties properties, ReadAheadItemReader<ValidatedRow> checkedRecords,
            CustomerImportWriter customerImportWriter, ImportTally importTally,
            ItemWriteListener<ValidatedRow> stopWhenAnotherPartFails, RunningImports runningImports,
            ChunkCommits chunkCommits) {
        return TransientErrors.<ValidatedRow, ValidatedRow>chunkStep(CustomerImportJobConfiguration.PART_STEP,
                        jobRepository, transactionManager, properties.chunkSize(), chunkCommits)
                .reader(checkedRecords)
                .writer(customerImportWriter)
                .stream(importTally)
                .listener(stopWhenAnotherPartFails)
                .listener((StepExecutionListener) runningImports)
                .build();
    }

    /** Reads the records of the step's part and checks them ahead of the step, two chunks at most. */
    @Bean
    @StepScope
    ReadAheadItemReader<ValidatedRow> checkedRecords(ImportContext importContext, OnboardProperties properties,
            @Value("#{stepExecutionContext['" + PART_INDEX + "']}") Integer partIndex,
            @Value("#{stepExecutionContext['" + PART_COUNT + "']}") Integer partCount,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        RowPartition part = new RowPartition(partIndex == null ? 0 : partIndex, partCount == null ? 1 : partCount,
                importContext.header().indexOf(StandardColumn.REFERENCE_ID));
        CustomerPartReader records = new CustomerPartReader(new CustomerFileReader(importContext.file(),
                importContext.charset(), importContext.feed().limits()), part,
                ImportParameters.inspected(stepExecution.getJobExecution().getJobParameters()));
        // Every rule of the feed, built here: the reading thread is outside the step's scope.
        CustomerValidator rules = new CustomerValidator(importContext.feed(), importContext.header());
        return new ReadAheadItemReader<>(new CheckedRecordReader(records, rules), 2 * properties.chunkSize(),
                "read-ahead-" + part.index());
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
            RejectStore rejects, ConnectsStaging connectsStaging, WalletStore wallets, WebhookOutbox outbox,
            JsonMapper json, ImportTally importTally, PlatformTransactionManager transactionManager) {
        long jobInstanceId = importContext.run().jobInstanceId();
        CustomerWriter customerWriter = new CustomerWriter(customers,
                new ChunkPlanner(importContext.feed().identityDuplicates(), jobInstanceId), importContext.run());
        DefaultWallets defaultWallets = new DefaultWallets(wallets, importContext.feed().wallets(),
                importContext.run().organizationId(), jobInstanceId);
        return new CustomerImportWriter(customerWriter, defaultWallets,
                new WalletOpenedEvents(outbox, json, importContext.run()), rejects,
                new ConnectsWriter(connectsStaging, jobInstanceId), importContext.run(), importContext.mask(),
                importTally, importContext.feed().skipLimit(), transactionManager);
    }
}
