package org.onboarding.job;

import org.onboarding.testsupport.H2OnboardingTest;

/** The connection scenarios on the embedded H2 default. */
@H2OnboardingTest
class H2ConnectionImportTest extends ConnectionScenarios {
}
