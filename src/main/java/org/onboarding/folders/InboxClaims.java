package org.onboarding.folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onboarding.lease.ImportLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Claims a dropped file for this instance before anything reads it: an atomic rename from the inbox
 * into the inbox's hidden {@code .processing/<instance-id>/} folder. Of several instances watching one
 * inbox, exactly one rename succeeds; the others find the file gone and pass over it. The folder is in
 * the inbox so that the rename never crosses file systems. A claim lasts as long as its instance's lease
 * (by the service's recovery of interrupted imports): the files of an instance gone go back to the inbox, or where their
 * import's end sends them.
 */
@Component
public class InboxClaims {

    private static final Logger log = LoggerFactory.getLogger(InboxClaims.class);
    public static final String PROCESSING = ".processing";

    private final FeedDirectories directories;
    private final ImportLeases leases;

    public InboxClaims(FeedDirectories directories, ImportLeases leases) {
        this.directories = directories;
        this.leases = leases;
    }

    /**
     * Moves the file into this instance's claim folder; empty when another instance claimed it first
     * (the file is gone from the inbox). The feed's done marker, if any, goes with the claim.
     */
    public Optional<Path> claim(String feed, Path file) {
        Path folder = processing(feed).resolve(leases.self().id());
        try {
            Files.createDirectories(folder);
            Path claimed = Files.move(file, FeedDirectories.freeName(folder, file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
            Optional<Path> marker = directories.doneMarkerOf(feed, file);
            if (marker.isPresent()) {
                Files.deleteIfExists(marker.get());
            }
            return Optional.of(claimed.toAbsolutePath().normalize());
        } catch (NoSuchFileException claimedElsewhere) {
            log.debug("{}: claimed by another instance", file.getFileName());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot claim " + file + " into " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts a claimed file back in its inbox, with its done marker, for an instance to pick up: the
     * claiming instance is shutting down before its import started, or is gone.
     */
    public Path giveBack(String feed, Path claimed) throws IOException {
        Path inbox = directories.inbox(feed);
        Path returned = Files.move(claimed, FeedDirectories.freeName(inbox, claimed.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        Optional<Path> marker = directories.doneMarkerOf(feed, returned);
        if (marker.isPresent() && !Files.exists(marker.get())) {
            Files.createFile(marker.get());
        }
        return returned;
    }

    /** {@link #giveBack}, for a shutting-down instance: a file that cannot be moved back stays claimed, and returns when the lease lapses. */
    public void giveBackQuietly(String feed, Path claimed) {
        try {
            giveBack(feed, claimed);
        } catch (IOException e) {
            log.warn("{}: could not return it to the inbox ({}); it returns when this instance's lease lapses",
                    claimed.getFileName(), e.getMessage());
        }
    }

    /** The claim folders of the feed's inbox whose instance no longer renews its lease. */
    public List<Path> foldersOfGoneInstances(String feed) {
        Path processing = processing(feed);
        List<Path> gone = new ArrayList<>();
        if (!Files.isDirectory(processing)) {
            return gone;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(processing, Files::isDirectory)) {
            for (Path folder : folders) {
                if (!leases.isLive(folder.getFileName().toString())) {
                    gone.add(folder);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", processing, e.getMessage());
        }
        return gone;
    }

    private Path processing(String feed) {
        return directories.inbox(feed).resolve(PROCESSING);
    }
}
