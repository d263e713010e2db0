package org.onboarding.serve;

import org.springframework.test.context.TestPropertySource;

/** The watched inboxes on the embedded H2 default, in a database of their own: the inbox pollers run on. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:inbox-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class H2InboxTest extends InboxScenarios {
}
