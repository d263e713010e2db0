package org.onboarding.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.onboarding.feed.Feed;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.feed.ImportSchedule;
import org.onboarding.folders.FeedDirectories;
import org.springframework.stereotype.Component;

/**
 * What each feed's folders hold, for operators: the files waiting in its inbox (with their age), the ones
 * imported and failed most recently, and when its schedule next runs. Read from the folders themselves,
 * so that it is true whichever instance of the service imports them.
 */
@Component
public class InboxFolders {

    /** Processed and failed files shown per feed: the most recent. */
    static final int RECENT = 10;

    private final FeedCatalog feeds;
    private final FeedDirectories directories;
    private final Clock clock;

    InboxFolders(FeedCatalog feeds, FeedDirectories directories, Clock clock) {
        this.feeds = feeds;
        this.directories = directories;
        this.clock = clock;
    }

    /**
     * One feed's folders.
     *
     * @param nextRun when its schedule next imports the inbox, or null for a feed imported as files arrive
     */
    public record Inbox(String feed, Path folder, List<FolderFile> waiting, List<FolderFile> processed,
            List<FolderFile> failed, String schedule, Instant nextRun) {
    }

    /** A file in one of a feed's folders, its age from its last change. */
    public record FolderFile(String name, long bytes, Instant modified, Duration age) {
    }

    public List<Inbox> all() {
        Instant now = clock.instant();
        return feeds.names().stream().map(name -> {
            Feed feed = feeds.find(name);
            ImportSchedule schedule = feed.schedule();
            Path inbox = directories.inbox(name);
            List<FolderFile> waiting = files(inbox, now).stream()
                    .sorted(Comparator.comparing(FolderFile::modified)).toList();
            return new Inbox(name, inbox, waiting, recent(directories.processed(name), now),
                    recent(directories.failed(name), now), schedule == null ? null : schedule.cron() + " " + schedule.zone(),
                    schedule == null ? null : schedule.nextAfter(now));
        }).toList();
    }

    private static List<FolderFile> recent(Path folder, Instant now) {
        return files(folder, now).stream().sorted(Comparator.comparing(FolderFile::modified).reversed())
                .limit(RECENT).toList();
    }

    /** The folder's visible files; a folder missing or unreadable holds none (its health check tells why). */
    private static List<FolderFile> files(Path folder, Instant now) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .map(file -> folderFile(file, now)).filter(file -> file != null).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static FolderFile folderFile(Path file, Instant now) {
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            return new FolderFile(file.getFileName().toString(), Files.size(file), modified,
                    Duration.between(modified, now).isNegative() ? Duration.ZERO : Duration.between(modified, now));
        } catch (IOException gone) {
            // Imported or moved between the listing and the look: no longer there.
            return null;
        }
    }
}
