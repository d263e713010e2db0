package org.onboarding.job;

import java.time.Duration;

import org.onboarding.OnboardProperties;
import org.onboarding.customers.ChunkPlanner;
import org.onboarding.customers.CustomerImportWriter;
import org.onboarding.customers.CustomerStore;
import org.onboarding.customers.DatabaseRefusal;
import org.onboarding.customers.ImportTally;
import org.onboarding.feed.FieldDefinitionStore;
import org.onboarding.file.CustomerFileReader;
import org.onboarding.rejects.RejectStore;
import org.onboarding.rules.CustomerValidator;
import org.onboarding.rules.ValidatedRowReader;
import org.onboarding.rules.ValidatedRow;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The customer import job: prepare (feed and field definitions) → customers (read, check every
 * rule, upsert per chunk) → reject report. One job instance per organisation and file content;
 * a failed execution restarts from its last committed chunk.
 */
@Configuration
public class CustomerImportJobConfiguration {

    public static final String JOB_NAME = "customerImport";
    public static final String CUSTOMERS_STEP = "importCustomers";

    @Bean
    Job customerImportJob(JobRepository jobRepository, Step prepareImport, Step importCustomers,
            Step writeRejectReport) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(prepareImport)
                .next(importCustomers)
                .next(writeRejectReport)
                .build();
    }

    @Bean
    Step prepareImport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ImportContextFactory contexts, FieldDefinitionStore definitions, RejectStore rejects) {
        return new StepBuilder("prepareImport", jobRepository)
                .tasklet(new PrepareImportTasklet(contexts, definitions, rejects), transactionManager)
                .build();
    }

    @Bean
    Step importCustomers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            OnboardProperties properties, ValidatedRowReader validatedRowReader,
            CustomerImportWriter customerImportWriter, ImportTally importTally, DatabaseRefusal databaseRefusal,
            ImportProgress importProgress) {
        return new StepBuilder(CUSTOMERS_STEP, jobRepository)
                .<ValidatedRow, ValidatedRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(validatedRowReader)
                .writer(customerImportWriter)
                .stream(importTally)
                .listener(importProgress)
                .faultTolerant()
                .retryPolicy(RetryPolicy.builder()
                        .includes(TransientDataAccessException.class, RecoverableDataAccessException.class)
                        .maxRetries(3)
                        .delay(Duration.ofMillis(200))
                        .multiplier(4)
                        .build())
                .skipPolicy(databaseRefusal)
                .skipListener(databaseRefusal)
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

    /** Reads and checks rows ahead of the writer, two chunks at most. */
    @Bean
    @StepScope
    ValidatedRowReader validatedRowReader(ImportContext importContext, OnboardProperties properties) {
        return new ValidatedRowReader(new CustomerFileReader(importContext.file(), importContext.charset()),
                new CustomerValidator(importContext.feed(), importContext.header()), 2 * properties.chunkSize());
    }

    @Bean
    @StepScope
    ImportTally importTally() {
        return new ImportTally();
    }

    @Bean
    @StepScope
    CustomerImportWriter customerImportWriter(ImportContext importContext, CustomerStore customers,
            RejectStore rejects, ImportTally importTally, PlatformTransactionManager transactionManager) {
        ChunkPlanner planner = new ChunkPlanner(importContext.feed().identityDuplicates(),
                importContext.run().jobInstanceId());
        return new CustomerImportWriter(customers, rejects, planner, importContext.run(), importContext.mask(),
                importTally, importContext.feed().skipLimit(), transactionManager);
    }

    @Bean
    @StepScope
    DatabaseRefusal databaseRefusal(ImportContext importContext, RejectStore rejects, ImportTally importTally) {
        return new DatabaseRefusal(rejects, importContext.run(), importContext.mask(), importTally,
                importContext.feed().skipLimit());
    }

    @Bean
    @StepScope
    ImportProgress importProgress(ValidatedRowReader validatedRowReader,
            @Value("#{jobParameters['" + ImportParameters.RECORDS + "']}") Long records) {
        return new ImportProgress(validatedRowReader::rowsHandedOut, records == null ? 0 : records);
    }
}
