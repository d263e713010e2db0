package org.onboarding.serve;

import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.Postgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The watched inboxes on PostgreSQL, the production database. */
@EnabledIfPostgres
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports",
        "onboard.inbox.base-directory=target/test-inbox",
        "onboard.inbox.quiet-period=30s",
        "onboard.inbox.poll-interval=100ms"})
class PostgresInboxTest extends InboxScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
