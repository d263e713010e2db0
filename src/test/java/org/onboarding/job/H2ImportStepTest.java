package org.onboarding.job;

import org.onboarding.testsupport.H2OnboardingTest;

/** The import's steps one at a time on the embedded H2 default. */
@H2OnboardingTest
class H2ImportStepTest extends ImportStepScenarios {
}
