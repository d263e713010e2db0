package org.onboarding.webhooks;

import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.Postgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Webhook delivery on PostgreSQL, where several dispatchers claim with SKIP LOCKED. */
@EnabledIfPostgres
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports"})
class PostgresWebhookDeliveryTest extends WebhookDeliveryScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
