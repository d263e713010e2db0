package org.onboarding.job;

import org.onboarding.testsupport.PostgresOnboardingTest;

/** The wallet scenarios on PostgreSQL, the production database. */
@PostgresOnboardingTest
class PostgresWalletImportTest extends WalletScenarios {
}
