package org.onboarding.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

/**
 * A feed's nightly schedule ({@code "schedule"} in {@code jobs/<name>.json}): when the files waiting
 * in its inbox are imported. A scheduled feed's inbox is not imported as files arrive.
 *
 * @param cron a Spring cron expression with seconds, e.g. {@code 0 0 2 * * *} for 02:00 every night
 * @param zone the time zone the expression is read in; the machine's when absent
 */
public record ImportSchedule(String cron, ZoneId zone) {

    public ImportSchedule {
        if (cron == null || !CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("\"schedule\" needs \"cron\", a cron expression with seconds, such as "
                    + "\"0 0 2 * * *\" (02:00 every night)" + (cron == null ? "" : ", not \"" + cron + "\""));
        }
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    /** The schedule's first time strictly after {@code after}. */
    public Instant nextAfter(Instant after) {
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(zone));
        return next == null ? Instant.MAX : next.toInstant();
    }
}
