package org.onboarding.testsupport;

/**
 * The settings {@link H2OnboardingTest} and {@link PostgresOnboardingTest} share, so that the two
 * databases run the tests under the same ones.
 */
final class OnboardingTestProperties {

    static final String CLI_DISABLED = "onboard.cli.enabled=false";
    /** Small chunks, so that a ten-row file spans several and restarts resume mid-file. */
    static final String CHUNK_SIZE = "onboard.chunk-size=4";
    static final String FEEDS_DIRECTORY = "onboard.feeds-directory=target/test-feeds";
    static final String REPORTS_DIRECTORY = "onboard.reports-directory=target/test-reports";
    /** The watched folders ImportExecutionsScenarios moves files in and out of. */
    static final String INBOX_DIRECTORY = "onboard.inbox.base-directory=target/operations-inbox";

    private OnboardingTestProperties() {
    }
}
