package org.onboarding.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the application on an embedded H2 database. Every class carrying it shares one Spring
 * context (and so one database: each test empties the tables it relies on first), so the migrations
 * and the Batch set-up run once per test run rather than once per class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        OnboardingTestProperties.CLI_DISABLED,
        OnboardingTestProperties.CHUNK_SIZE,
        OnboardingTestProperties.FEEDS_DIRECTORY,
        OnboardingTestProperties.REPORTS_DIRECTORY,
        OnboardingTestProperties.INBOX_DIRECTORY,
        "spring.datasource.url=jdbc:h2:mem:onboard-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
public @interface H2OnboardingTest {
}
