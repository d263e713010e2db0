package org.onboarding.serve;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.Lock;

import org.onboarding.feed.ImportSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.aop.ReceiveMessageAdvice;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.integration.support.locks.RenewableLockRegistry;
import org.springframework.messaging.Message;

/**
 * Lets a scheduled feed's inbox adapter read files only from the moment its schedule fires until the
 * inbox is empty. A fire is claimed once across every service instance sharing the database (a
 * compare-and-set of the feed's last run in the metadata store), and the run holds the feed's lock
 * (a JDBC lock) so that a fire while the previous run of the feed still goes, here or on another
 * instance, starts nothing on top of it. Time comes from the clock, so tests drive it.
 */
class ScheduledRun implements ReceiveMessageAdvice {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRun.class);

    private final String feed;
    private final ImportSchedule schedule;
    private final Clock clock;
    private final ConcurrentMetadataStore runs;
    private final RenewableLockRegistry<?> locks;
    private Instant checkedUpTo;
    private Lock held;

    ScheduledRun(String feed, ImportSchedule schedule, Clock clock, ConcurrentMetadataStore runs,
            RenewableLockRegistry<?> locks) {
        this.feed = feed;
        this.schedule = schedule;
        this.clock = clock;
        this.runs = runs;
        this.locks = locks;
        this.checkedUpTo = clock.instant();
    }

    @Override
    public synchronized boolean beforeReceive(Object source) {
        if (held != null) {
            return true;
        }
        Instant now = clock.instant();
        Instant fire = schedule.nextAfter(checkedUpTo);
        if (fire.isAfter(now)) {
            return false;
        }
        // Fires missed while this instance was down or busy count once: the latest one.
        while (!schedule.nextAfter(fire).isAfter(now)) {
            fire = schedule.nextAfter(fire);
        }
        checkedUpTo = now;
        Lock lock = locks.obtain(lockKey());
        if (!lock.tryLock()) {
            log.warn("Feed {}: the {} run was not started: the feed's previous run is still going", feed, fire);
            return false;
        }
        if (!claim(fire)) {
            lock.unlock();
            return false;
        }
        held = lock;
        log.info("Feed {}: scheduled run of {} started: importing the files waiting in its inbox, oldest first",
                feed, fire);
        return true;
    }

    @Override
    public synchronized Message<?> afterReceive(Message<?> result, Object source) {
        if (result != null && held != null) {
            // A file per renewal: a long run keeps the lock, however many files it imports.
            locks.renewLock(lockKey());
        }
        if (result == null && held != null) {
            try {
                held.unlock();
            } catch (IllegalStateException | IllegalMonitorStateException e) {
                log.warn("Feed {}: the schedule lock had expired already: {}", feed, e.getMessage());
            }
            held = null;
            log.info("Feed {}: scheduled run finished, its inbox is empty", feed);
        }
        return result;
    }

    private String lockKey() {
        return "schedule:" + feed;
    }

    /** Records this fire as the feed's last run, unless another instance did first. */
    private boolean claim(Instant fire) {
        String key = "schedule:" + feed + ":last-run";
        String last = runs.putIfAbsent(key, fire.toString());
        if (last == null) {
            return true;
        }
        return Instant.parse(last).isBefore(fire) && runs.replace(key, last, fire.toString());
    }
}
