package org.onboarding.db;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How a chunk of an import commits. Spring Batch saves the step's progress in the chunk's own
 * transaction, so a chunk's rows and the progress that counts them are durable together or lost
 * together: a chunk commit that returns before reaching the disk can lose, in a crash of the database
 * server, only chunks that the restart then writes again, exactly as if the run had been killed a
 * moment earlier. Every other commit (a step's or the job's end, a webhook's claim before it is sent)
 * still waits for the disk, and makes everything committed before it durable too. The commits of a
 * million-row import's thousand chunks had waited 6.8 s in all, in the writers' threads (README, Performance).
 */
@Component
public class ChunkCommits {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public ChunkCommits(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Called in a chunk's transaction, before its writes: its commit will not wait for the disk. */
    public void withoutWaitingForDisk() {
        dialect.commitWithoutWaitingForDisk(jdbc);
    }
}
