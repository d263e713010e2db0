package org.onboarding.job;

import org.springframework.boot.test.context.SpringBootTest;

/** The wallet scenarios on the embedded H2 default. */
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.chunk-size=4",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports",
        "spring.datasource.url=jdbc:h2:mem:wallet-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class H2WalletImportTest extends WalletScenarios {
}
