package org.onboarding.job;

import org.onboarding.testsupport.H2OnboardingTest;

/** The import scenarios on the embedded H2 default. */
@H2OnboardingTest
class H2CustomerImportTest extends CustomerImportScenarios {
}
