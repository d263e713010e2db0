package org.onboarding.serve;

import java.time.Duration;

import org.onboarding.settings.AtLeast;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Nightly schedules ({@code onboard.schedule.*}).
 *
 * @param lockTimeToLive how long a service instance holds a feed's schedule lock without renewing
 *                       it (it renews after each file): if the instance dies, another may run the feed's
 *                       schedule again after this
 */
@ConfigurationProperties("onboard.schedule")
record ScheduleProperties(@DefaultValue("30m") @AtLeast("1ms") Duration lockTimeToLive) {
}
