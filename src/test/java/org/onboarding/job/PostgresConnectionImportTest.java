package org.onboarding.job;

import org.onboarding.testsupport.PostgresOnboardingTest;

/** The connection scenarios on PostgreSQL, the production database. */
@PostgresOnboardingTest
class PostgresConnectionImportTest extends ConnectionScenarios {
}
