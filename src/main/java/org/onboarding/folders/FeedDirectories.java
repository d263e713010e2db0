package org.onboarding.folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.onboarding.feed.FeedCatalog;
import org.springframework.stereotype.Component;

/**
 * Where a feed's files are dropped and where they go after their import:
 * {@code inbox/<feed>/} (or the folder the feed names), then {@code processed/<feed>/} or
 * {@code failed/<feed>/}, under the base directory. A file that went through an import carries that execution's id in its name
 * ({@code customers.exec-42.csv}), so an operator finds the file of a failed execution, and
 * {@code ./onboard restart 42} finds it too.
 */
@Component
public class FeedDirectories {

    private final Path base;
    private final FeedCatalog feeds;

    public FeedDirectories(InboxProperties properties, FeedCatalog feeds) {
        this.base = properties.baseDirectory().toAbsolutePath().normalize();
        this.feeds = feeds;
    }

    /** The folder the feed names as its inbox ({@code "inbox"}, relative to the base directory), else {@code inbox/<feed>/}. */
    public Path inbox(String feed) {
        Path named = feeds.find(feed).inbox();
        return named != null ? base.resolve(named) : base.resolve("inbox").resolve(feed);
    }

    public Path processed(String feed) {
        return base.resolve("processed").resolve(feed);
    }

    public Path failed(String feed) {
        return base.resolve("failed").resolve(feed);
    }

    /** The name a file takes once execution {@code executionId} imported it: {@code name.exec-ID.ext}. */
    public static String nameAfter(String fileName, long executionId) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot <= 0 ? fileName : fileName.substring(0, dot);
        String extension = dot <= 0 ? "" : fileName.substring(dot);
        return stem + ".exec-" + executionId + extension;
    }

    /** The name a file had before an import named it after its execution: {@code customers.csv} again. */
    public static String nameBefore(String fileName) {
        return fileName.replaceFirst("\\.exec-[0-9]+(?=\\.|$)", "");
    }

    /**
     * The name in the folder, or {@code name.copy-2.ext}, {@code name.copy-3.ext}… when it is taken: the
     * same file dropped again lands beside the first, and a rename never replaces a file silently.
     */
    static Path freeName(Path folder, String name) {
        Path target = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        for (int copy = 2; Files.exists(target); copy++) {
            target = folder.resolve(dot <= 0 ? name + ".copy-" + copy
                    : name.substring(0, dot) + ".copy-" + copy + name.substring(dot));
        }
        return target;
    }

    /** The file of that execution in the feed's {@code failed/} folder, if it is there. */
    public Optional<Path> failedFileOf(String feed, long executionId) {
        Path folder = failed(feed);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        String marker = ".exec-" + executionId;
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                int at = name.lastIndexOf(marker);
                int end = at + marker.length();
                return at > 0 && (end == name.length() || name.charAt(end) == '.');
            }).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The marker file that says a dropped file is complete, when the feed asks for one. */
    public Optional<Path> doneMarkerOf(String feed, Path file) {
        String marker = feeds.find(feed).doneMarker();
        return marker == null ? Optional.empty() : Optional.of(file.resolveSibling(file.getFileName() + marker));
    }
}
