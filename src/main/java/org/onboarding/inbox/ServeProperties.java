package org.onboarding.inbox;

import java.time.Duration;

import org.onboarding.settings.AtLeast;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The long-running service ({@code onboard.serve.*}).
 *
 * @param instance        this service instance's name, recorded with every import it launches so that,
 *                        restarted after a crash, it recovers its own interrupted imports and no other's;
 *                        the host name when not set
 * @param webhookInterval how long the service waits between passes of the webhook dispatcher
 */
@ConfigurationProperties("onboard.serve")
public record ServeProperties(String instance, @DefaultValue("10s") @AtLeast("1ms") Duration webhookInterval) {
}
