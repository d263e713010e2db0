package org.onboarding.lease;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases on running imports, so that an execution is recovered only when the process running it is
 * provably gone. Each process that runs an import (or serves) registers itself in
 * {@code onboard_instance} and renews its row every sixth of the lease from a thread of its own; each
 * import execution it runs has an {@code import_lease} row naming it, taken as the job starts and
 * dropped as it ends. An execution's lease is live while its owner renews; the owner's row gone or
 * older than its own lease (each instance records the lease it renews for), by the database's clock, means the owner is gone (killed, lost its host):
 * nothing else lets another process or an operator mark the execution FAILED.
 */
@Component
public class ImportLeases implements JobExecutionListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportLeases.class);

    private final JdbcTemplate jdbc;
    private final InstanceProperties properties;
    private final ProcessInstance self;
    private ScheduledExecutorService renewals;

    public ImportLeases(JdbcTemplate jdbc, InstanceProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.self = ProcessInstance.current(properties.name());
    }

    /** This process. */
    public ProcessInstance self() {
        return self;
    }

    /** How long an owner may go without renewing before it is held gone. */
    public Duration lease() {
        return properties.lease();
    }

    /**
     * Registers this process and starts renewing its lease, once: at the first import it runs, or as
     * the service starts. Commands that run no import never write here.
     */
    public synchronized void register() {
        if (renewals != null) {
            return;
        }
        insertSelf();
        renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.renewEvery().toMillis();
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        register();
        jdbc.update("insert into import_lease (job_execution_id, instance_id) values (?, ?)", execution.getId(),
                self.id());
    }

    @Override
    public void afterJob(JobExecution execution) {
        jdbc.update("delete from import_lease where job_execution_id = ? and instance_id = ?", execution.getId(),
                self.id());
    }

    /** The live process holding the execution's lease, or empty when none does (it ended, or its owner is gone). */
    public Optional<LeaseHolder> holder(long executionId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select i.instance_id, i.host, i.pid, i.renewed_at, i.lease_millis, current_timestamp as now
                from import_lease l join onboard_instance i on i.instance_id = l.instance_id
                where l.job_execution_id = ?""", executionId);
        return rows.stream().map(this::holder).filter(LeaseHolder::live).findFirst();
    }

    /** Whether the execution has a lease row at all, live or not. */
    public boolean leased(long executionId) {
        return jdbc.queryForObject("select count(*) from import_lease where job_execution_id = ?", Long.class,
                executionId) > 0;
    }

    /** Whether the instance renews its lease: it is this process, or its row was renewed within the lease. */
    public boolean isLive(String instanceId) {
        return instanceId.equals(self.id()) || liveInstances().contains(instanceId);
    }

    /**
     * The running executions (STARTING, STARTED, STOPPING) whose owner is gone: their lease names an
     * instance that stopped renewing, or no longer exists. An execution with no lease row at all (run by an
     * earlier version, or whose process died before the job's first listener) is left to an operator.
     */
    public List<Long> lapsedRunningExecutions() {
        Set<String> live = liveInstances();
        live.add(self.id());
        return jdbc.query("""
                select l.job_execution_id, l.instance_id from import_lease l
                join batch_job_execution e on e.job_execution_id = l.job_execution_id
                where e.status in ('STARTING', 'STARTED', 'STOPPING')
                order by l.job_execution_id""", (row, n) -> live.contains(row.getString(2)) ? null : row.getLong(1))
                .stream().filter(id -> id != null).toList();
    }

    /** Forgets the lease rows of an execution recovered after its owner was gone. */
    public void release(long executionId) {
        jdbc.update("delete from import_lease where job_execution_id = ?", executionId);
    }

    /** Forgets instances gone for good (after their executions and files were recovered), and their leftover leases. */
    public void forgetLapsedInstances() {
        Set<String> live = liveInstances();
        List<String> registered = jdbc.queryForList("select instance_id from onboard_instance", String.class);
        for (String instance : registered) {
            if (!live.contains(instance) && !instance.equals(self.id())) {
                jdbc.update("delete from import_lease where instance_id = ? and job_execution_id not in ("
                        + "select job_execution_id from batch_job_execution where status in "
                        + "('STARTING', 'STARTED', 'STOPPING'))", instance);
                jdbc.update("delete from onboard_instance where instance_id = ?", instance);
            }
        }
    }

    /** Stops renewing, and says so: this process's leases lapse at once, rather than after the lease. */
    @Override
    public synchronized void destroy() {
        if (renewals == null) {
            return;
        }
        // Not interrupted: a renewal under way is one short update, and an interrupt inside a JDBC call can
        // close the embedded H2 database for everyone.
        renewals.shutdown();
        try {
            renewals.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            jdbc.update("delete from onboard_instance where instance_id = ?", self.id());
        } catch (RuntimeException databaseGone) {
            log.debug("Could not remove instance {}: its lease lapses by itself", self.id(), databaseGone);
        }
    }

    private Set<String> liveInstances() {
        return jdbc.queryForList("select instance_id, host, pid, renewed_at, lease_millis, current_timestamp as now"
                + " from onboard_instance")
                .stream().map(this::holder).filter(LeaseHolder::live)
                .map(LeaseHolder::instanceId).collect(Collectors.toCollection(HashSet::new));
    }

    /** Inserts this instance's row; one left by this instance (held gone, registering again) is renewed instead. */
    private void insertSelf() {
        try {
            jdbc.update("insert into onboard_instance (instance_id, host, pid, started_at, renewed_at, lease_millis) "
                    + "values (?, ?, ?, ?, current_timestamp, ?)", self.id(), cut(self.host(), 255), self.pid(),
                    Timestamp.from(self.startedAt()), lease().toMillis());
        } catch (DuplicateKeyException alreadyThere) {
            jdbc.update("update onboard_instance set renewed_at = current_timestamp where instance_id = ?", self.id());
        }
    }

    private void renew() {
        try {
            if (jdbc.update("update onboard_instance set renewed_at = current_timestamp where instance_id = ?",
                    self.id()) == 0) {
                // Another process held this one gone (the database was unreachable for a whole lease) and
                // recovered its imports: they fail at their next commit; later ones get a lease again.
                log.warn("Instance {} had been held gone by another process; registering again", self.id());
                insertSelf();
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of instance {}: {}", self.id(), e.getMessage());
        }
    }

    LeaseHolder holder(Map<String, Object> row) {
        OffsetDateTime renewed = offset(row.get("renewed_at"));
        OffsetDateTime now = offset(row.get("now"));
        // Each owner is judged by the lease it renews for; rows from before V13 carry none.
        Duration lease = row.get("lease_millis") instanceof Number millis ? Duration.ofMillis(millis.longValue()) : lease();
        return new LeaseHolder((String) row.get("instance_id"), (String) row.get("host"),
                ((Number) row.get("pid")).longValue(), Duration.between(renewed, now), lease);
    }

    private static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Timestamp time) {
            return time.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant time) {
            return time.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time " + value + " (" + value.getClass().getName() + ")");
    }

    private static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
