package org.onboarding.job;

import org.onboarding.webhooks.WebhookOutbox;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/** The last step: the import's summary notification, queued in the webhook outbox. */
@Configuration
class NotificationsStepConfiguration {

    @Bean
    Step queueNotifications(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ImportContextFactory contexts, ImportSummaries summaries, WebhookOutbox outbox,
            JsonMapper json) {
        return new StepBuilder("queueNotifications", jobRepository)
                .tasklet(new QueueNotificationsTasklet(contexts, summaries, outbox, json), transactionManager)
                .build();
    }
}
