package org.onboarding.operations;

import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.Postgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Operating imports on PostgreSQL, the production database. */
@EnabledIfPostgres
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.chunk-size=4",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports",
        "onboard.inbox.base-directory=target/operations-inbox"})
class PostgresImportExecutionsTest extends ImportExecutionsScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
