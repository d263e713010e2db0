package org.onboarding.job;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.TestFeeds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every end-to-end import test starts from: the real launcher and database, the test feeds,
 * a folder for its files, and empty tables with no fault injected.
 */
abstract class ImportScenario {

    @Autowired
    ImportLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeAll
    static void feeds() {
        TestFeeds.write();
    }

    @BeforeEach
    void emptyDatabase() {
        new FaultInjection(jdbc).clear();
        Databases.reset(jdbc);
    }
}
