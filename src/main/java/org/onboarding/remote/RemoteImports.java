package org.onboarding.remote;

import java.util.Optional;

import org.onboarding.db.SqlDialect;
import org.springframework.stereotype.Component;

/** What an importing process checks before it launches a remote import, so that a refused one writes nothing. */
@Component
public class RemoteImports {

    private final WorkerPool pool;
    private final SqlDialect dialect;

    RemoteImports(WorkerPool pool, SqlDialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Why this process cannot import remotely, if it cannot: the workers must share its database. */
    public Optional<String> refusal() {
        return sharedDatabase() ? Optional.empty() : Optional.of("--remote needs a database the workers share"
                + " (PostgreSQL, from SPRING_DATASOURCE_URL); the embedded one is this process's alone");
    }

    /** Whether this process's database can be shared with other processes: PostgreSQL, not the embedded H2. */
    public boolean sharedDatabase() {
        return dialect.allowsParallelWriters();
    }

    /**
     * @throws BrokerUnreachableException when the broker does not answer
     */
    public void checkReachable() {
        pool.checkReachable();
    }
}
