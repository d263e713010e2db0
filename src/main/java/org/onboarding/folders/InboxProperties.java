package org.onboarding.folders;

import java.nio.file.Path;
import java.time.Duration;

import org.onboarding.settings.AtLeast;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The watched directories of {@code ./onboard serve} ({@code onboard.inbox.*}).
 *
 * @param baseDirectory the folder holding {@code inbox/}, {@code processed/} and {@code failed/}, one
 *                      sub-folder per feed; the working directory unless configured
 * @param quietPeriod   how long a file must stay unchanged before it is picked up, so that a file
 *                      still being copied in is never read half-written
 * @param pollInterval  how often each inbox is looked at
 */
@ConfigurationProperties("onboard.inbox")
public record InboxProperties(
        @DefaultValue(".") Path baseDirectory,
        @DefaultValue("10s") @AtLeast("0s") Duration quietPeriod,
        @DefaultValue("5s") @AtLeast("1ms") Duration pollInterval) {
}
