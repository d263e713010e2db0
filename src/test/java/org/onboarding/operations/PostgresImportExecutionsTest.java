package org.onboarding.operations;

import org.onboarding.testsupport.PostgresOnboardingTest;

/** Operating imports on PostgreSQL, the production database. */
@PostgresOnboardingTest
class PostgresImportExecutionsTest extends ImportExecutionsScenarios {
}
