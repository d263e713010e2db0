package org.onboarding.lease;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases on the parts of remote imports: which worker runs each part, held while that worker renews
 * its instance lease ({@link ImportLeases}). A part is taken over by another worker only once its
 * holder is gone, never while the holder may still be writing it.
 */
@Component
public class PartLeases {

    private final JdbcTemplate jdbc;
    private final ImportLeases instances;

    public PartLeases(JdbcTemplate jdbc, ImportLeases instances) {
        this.jdbc = jdbc;
        this.instances = instances;
    }

    /** Takes the part for this process, from whoever held it before; registers this process first. */
    public void take(long partExecutionId, long jobExecutionId) {
        instances.register();
        String self = instances.self().id();
        if (jdbc.update("update import_part_lease set instance_id = ?, job_execution_id = ? where step_execution_id = ?",
                self, jobExecutionId, partExecutionId) == 0) {
            jdbc.update("insert into import_part_lease (step_execution_id, job_execution_id, instance_id) values (?, ?, ?)",
                    partExecutionId, jobExecutionId, self);
        }
    }

    /** Lets the part go, if this process still holds it. */
    public void release(long partExecutionId) {
        jdbc.update("delete from import_part_lease where step_execution_id = ? and instance_id = ?", partExecutionId,
                instances.self().id());
    }

    /** The process holding the part, live or not; empty when none holds it, or its holder's row is gone. */
    public Optional<LeaseHolder> holder(long partExecutionId) {
        return holders("l.step_execution_id", partExecutionId).stream().findFirst();
    }

    /** The live process holding the part, or empty when none does. */
    public Optional<LeaseHolder> liveHolder(long partExecutionId) {
        return holder(partExecutionId).filter(holder -> holder.live() || holder.instanceId().equals(self()));
    }

    /** A live worker still running a part of the execution, if one is. */
    public Optional<LeaseHolder> liveHolderOfAnyPart(long jobExecutionId) {
        return holders("l.job_execution_id", jobExecutionId).stream().filter(LeaseHolder::live).findFirst();
    }

    /** This process's instance id. */
    public String self() {
        return instances.self().id();
    }

    /** The holders of the part leases whose column (a part's or its import's execution id) has that value. */
    private List<LeaseHolder> holders(String column, long id) {
        return jdbc.queryForList("""
                select i.instance_id, i.host, i.pid, i.renewed_at, i.lease_millis, current_timestamp as now
                from import_part_lease l join onboard_instance i on i.instance_id = l.instance_id""" + " where "
                + column + " = ?", id).stream().map(instances::holder).toList();
    }

    /** Enters this process in the pool of workers taking parts from the queue; registers it first. */
    public void joinPool(String queue) {
        instances.register();
        jdbc.update("delete from onboard_worker where instance_id = ?", self());
        jdbc.update("insert into onboard_worker (instance_id, queue) values (?, ?)", self(), queue);
    }

    /** Takes this process out of the pool, if its database still answers. */
    public void leavePool() {
        jdbc.update("delete from onboard_worker where instance_id = ?", self());
    }

    /** How many workers of the queue's pool renew their lease: alive, and reaching the database. */
    public long liveWorkers(String queue) {
        return jdbc.queryForList("""
                select i.instance_id, i.host, i.pid, i.renewed_at, i.lease_millis, current_timestamp as now
                from onboard_worker w join onboard_instance i on i.instance_id = w.instance_id
                where w.queue = ?""", queue).stream().map(instances::holder).filter(LeaseHolder::live).count();
    }

    /** Forgets the part leases of an execution that ended. */
    public void releaseAll(long jobExecutionId) {
        jdbc.update("delete from import_part_lease where job_execution_id = ?", jobExecutionId);
    }
}
