package org.onboarding.webhooks;

import org.onboarding.testsupport.PostgresOnboardingTest;

/** Webhook delivery on PostgreSQL, where several dispatchers claim with SKIP LOCKED. */
@PostgresOnboardingTest
class PostgresWebhookDeliveryTest extends WebhookDeliveryScenarios {
}
