package org.onboarding.webhooks;

import org.springframework.boot.test.context.SpringBootTest;

/** Webhook delivery on the embedded H2 default. */
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports",
        "spring.datasource.url=jdbc:h2:mem:webhook-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class H2WebhookDeliveryTest extends WebhookDeliveryScenarios {
}
