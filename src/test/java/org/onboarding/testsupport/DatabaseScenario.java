package org.onboarding.testsupport;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every test on a real database starts from: the test feeds written, a folder for its files, and
 * empty tables with no fault injected (the contexts, and so the databases, are shared between classes).
 */
public abstract class DatabaseScenario {

    @Autowired
    protected JdbcTemplate jdbc;

    @TempDir
    protected Path dir;

    @BeforeAll
    static void writeTestFeeds() {
        TestFeeds.write();
    }

    @BeforeEach
    void emptyDatabaseWithoutFaults() {
        new FaultInjection(jdbc).clear();
        Databases.reset(jdbc);
    }
}
