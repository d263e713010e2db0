package org.onboarding.job;

import org.onboarding.rejects.RejectStore;
import org.onboarding.settings.OnboardProperties;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The reject report: every rejected row and connection of the import, with its reasons, in one CSV. */
@Configuration
class RejectReportStepConfiguration {

    @Bean
    Step writeRejectReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ImportContextFactory contexts, RejectStore rejects, OnboardProperties properties) {
        return new StepBuilder("writeRejectReport", jobRepository)
                .tasklet(new RejectReportTasklet(contexts, rejects, properties.reportsDirectory()), transactionManager)
                .build();
    }
}
