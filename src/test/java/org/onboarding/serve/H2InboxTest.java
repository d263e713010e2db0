package org.onboarding.serve;

import org.springframework.boot.test.context.SpringBootTest;

/** The watched inboxes on the embedded H2 default. */
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports",
        "onboard.inbox.base-directory=target/test-inbox",
        "onboard.inbox.quiet-period=30s",
        "onboard.inbox.poll-interval=100ms",
        "spring.datasource.url=jdbc:h2:mem:inbox-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class H2InboxTest extends InboxScenarios {
}
