package org.onboarding.webhooks;

import org.onboarding.testsupport.H2OnboardingTest;

/** Webhook delivery on the embedded H2 default. */
@H2OnboardingTest
class H2WebhookDeliveryTest extends WebhookDeliveryScenarios {
}
