package org.onboarding.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onboarding.feed.FeedCatalog;
import org.onboarding.folders.FeedDirectories;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code inboxes}: down when a feed's inbox, processed or failed folder is
 * missing or not writable, because files dropped there would then wait, or could not be moved, unseen.
 */
@Component("inboxes")
class InboxHealthIndicator implements HealthIndicator {

    private final FeedCatalog feeds;
    private final FeedDirectories directories;

    public InboxHealthIndicator(FeedCatalog feeds, FeedDirectories directories) {
        this.feeds = feeds;
        this.directories = directories;
    }

    @Override
    public Health health() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String feed : feeds.names()) {
            for (Path folder : List.of(directories.inbox(feed), directories.processed(feed), directories.failed(feed))) {
                if (!Files.isDirectory(folder)) {
                    problems.put(folder.toString(), "missing");
                } else if (!Files.isWritable(folder)) {
                    problems.put(folder.toString(), "not writable");
                }
            }
        }
        Health.Builder health = problems.isEmpty() ? Health.up() : Health.down().withDetails(problems);
        return health.withDetail("feeds", feeds.names()).build();
    }
}
