package org.onboarding.job;

import javax.sql.DataSource;

import org.onboarding.connections.ConnectionStore;
import org.onboarding.connections.ConnectionWriter;
import org.onboarding.connections.ConnectsCell;
import org.onboarding.connections.ConnectsStaging;
import org.onboarding.connections.StagedConnects;
import org.onboarding.customers.CustomerStore;
import org.onboarding.db.ChunkCommits;
import org.onboarding.imports.ImportTally;
import org.onboarding.rejects.RejectStore;
import org.onboarding.settings.OnboardProperties;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * The connections step, after the customer step: it links the connects cells the customer step
 * staged, in file order, a chunk at a time, once their statistics are refreshed; and the job's last
 * step, which forgets them once the import completed.
 */
@Configuration
class ConnectionStepConfiguration {

    @Bean
    Step linkConnections(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            OnboardProperties properties, JdbcPagingItemReader<StagedConnects> stagedConnectsReader,
            ConnectionWriter connectionWriter, ImportTally importTally, ChunkCommits chunkCommits,
            ConnectsStaging staging) {
        return TransientErrors.<StagedConnects, StagedConnects>chunkStep(CustomerImportJobConfiguration.CONNECTIONS_STEP,
                        jobRepository, transactionManager, properties.chunkSize(), chunkCommits)
                .reader(stagedConnectsReader)
                .writer(connectionWriter)
                .stream(importTally)
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution stepExecution) {
                        staging.refreshStatistics();
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<StagedConnects> stagedConnectsReader(ImportContext importContext, DataSource dataSource,
            ConnectsStaging staging, OnboardProperties properties) throws Exception {
        return staging.reader(dataSource, importContext.run().jobInstanceId(), properties.chunkSize());
    }

    @Bean
    @StepScope
    ConnectionWriter connectionWriter(ImportContext importContext, CustomerStore customers,
            ConnectionStore connections, RejectStore rejects, ImportTally importTally, JsonMapper json) {
        return new ConnectionWriter(customers, connections, rejects, new ConnectsCell(json), importContext.run(),
                importContext.feed().organization(), importContext.feed().connections(), importTally,
                importContext.feed().skipLimit());
    }

    @Bean
    Step forgetStagedConnects(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ConnectsStaging staging) {
        return new StepBuilder("forgetStagedConnects", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    staging.forget(chunkContext.getStepContext().getStepExecution().getJobExecution()
                            .getJobInstance().getInstanceId());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
