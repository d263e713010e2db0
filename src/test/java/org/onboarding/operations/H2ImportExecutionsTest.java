package org.onboarding.operations;

import org.onboarding.testsupport.H2OnboardingTest;

/** Operating imports on the embedded H2 default. */
@H2OnboardingTest
class H2ImportExecutionsTest extends ImportExecutionsScenarios {
}
