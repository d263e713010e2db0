package org.onboarding.job;

import org.onboarding.testsupport.PostgresOnboardingTest;

/** The import's steps one at a time on PostgreSQL, the production database. */
@PostgresOnboardingTest
class PostgresImportStepTest extends ImportStepScenarios {
}
