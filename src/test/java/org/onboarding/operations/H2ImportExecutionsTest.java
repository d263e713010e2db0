package org.onboarding.operations;

import org.springframework.boot.test.context.SpringBootTest;

/** Operating imports on the embedded H2 default. */
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.chunk-size=4",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports",
        "onboard.inbox.base-directory=target/operations-inbox",
        "spring.datasource.url=jdbc:h2:mem:operations-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class H2ImportExecutionsTest extends ImportExecutionsScenarios {
}
