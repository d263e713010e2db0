package org.onboarding.settings;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the pipeline finds its feeds and writes its reports.
 *
 * @param feedsDirectory  the folder of feed declarations ({@code jobs/*.json})
 * @param defaultFeed     the feed an import uses when none is named
 * @param reportsDirectory the folder reject reports are written to
 * @param chunkSize        rows written per transaction
 * @param writers          how many writers import a file side by side on PostgreSQL, when its
 *                         rows allow it (see {@code ImportPartsPlanner}); 1 imports every file in file order
 */
@ConfigurationProperties("onboard")
public record OnboardProperties(
        @DefaultValue("jobs") Path feedsDirectory,
        @DefaultValue("demo") String defaultFeed,
        @DefaultValue("reports") Path reportsDirectory,
        @DefaultValue("1000") @AtLeast("1") int chunkSize,
        @DefaultValue("2") @AtLeast("1") int writers) {
}
