package org.onboarding.job;

import org.onboarding.feed.FieldDefinitionStore;
import org.onboarding.rejects.RejectStore;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The first step: the feed's organisation and field definitions, the header's warnings, and how many writers. */
@Configuration
class PrepareStepConfiguration {

    @Bean
    Step prepareImport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ImportContextFactory contexts, FieldDefinitionStore definitions, RejectStore rejects,
            ImportPartsPlanner partsPlanner) {
        return new StepBuilder(CustomerImportJobConfiguration.PREPARE_STEP, jobRepository)
                .tasklet(new PrepareImportTasklet(contexts, definitions, rejects, partsPlanner), transactionManager)
                .build();
    }
}
