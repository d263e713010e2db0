package org.onboarding.serve;

import java.time.Duration;

import org.onboarding.settings.AtLeast;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The long-running service ({@code onboard.serve.*}).
 *
 * @param webhookInterval how long the service waits between passes of the webhook dispatcher
 * @param remoteImports   whether the files the service imports (inboxes, schedules) run their customers'
 *                        parts on workers ({@code ./onboard worker}), as {@code import --remote} does
 */
@ConfigurationProperties("onboard.serve")
record ServeProperties(@DefaultValue("10s") @AtLeast("1ms") Duration webhookInterval,
        @DefaultValue("false") boolean remoteImports) {
}
