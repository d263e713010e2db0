package org.onboarding.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the application on PostgreSQL ({@link Postgres#freshSchemaUrl()}), skipped where it
 * cannot be reached. Every class carrying it shares one Spring context, with the same settings as
 * {@link H2OnboardingTest}; each test empties the tables it relies on first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnabledIfPostgres
@SpringBootTest(properties = {
        OnboardingTestProperties.CLI_DISABLED,
        OnboardingTestProperties.CHUNK_SIZE,
        OnboardingTestProperties.FEEDS_DIRECTORY,
        OnboardingTestProperties.REPORTS_DIRECTORY,
        OnboardingTestProperties.INBOX_DIRECTORY})
@ContextConfiguration(initializers = PostgresDataSource.class)
public @interface PostgresOnboardingTest {
}
