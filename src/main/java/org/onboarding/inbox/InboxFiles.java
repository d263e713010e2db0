package org.onboarding.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a dropped file out of its inbox once its fate is known: to {@code processed/<feed>/} after an
 * import that completed (or when its content was imported before), to {@code failed/<feed>/} after one
 * that failed or stopped, or that could not start. The name carries the execution's id.
 */
@Component
public class InboxFiles {

    private static final Logger log = LoggerFactory.getLogger(InboxFiles.class);

    private final FeedDirectories directories;
    private final HandledFiles handled;

    public InboxFiles(FeedDirectories directories, HandledFiles handled) {
        this.directories = directories;
        this.handled = handled;
    }

    /** Creates the feed's three folders, so that an operator sees where to drop files. */
    public void prepare(String feed) {
        try {
            Files.createDirectories(directories.inbox(feed));
            Files.createDirectories(directories.processed(feed));
            Files.createDirectories(directories.failed(feed));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folders of feed " + feed + ": " + e.getMessage(), e);
        }
    }

    /** After the execution that imported it: processed if it completed, failed (restartable by id) otherwise. */
    public Path afterExecution(String feed, Path file, JobExecution execution) {
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        Path moved = move(feed, file, completed ? directories.processed(feed) : directories.failed(feed),
                FeedDirectories.nameAfter(file.getFileName().toString(), execution.getId()));
        if (completed) {
            log.info("{}: imported by execution {}, moved to {}", file.getFileName(), execution.getId(), moved);
        } else {
            log.warn("{}: execution {} ended {}, file moved to {}; fix the cause, then './onboard restart {}'",
                    file.getFileName(), execution.getId(), execution.getStatus(), moved, execution.getId());
        }
        return moved;
    }

    /** Content already imported for the organisation: nothing is imported again. */
    public Path alreadyImported(String feed, Path file, long earlierExecutionId) {
        Path moved = move(feed, file, directories.processed(feed),
                FeedDirectories.nameAfter(file.getFileName().toString(), earlierExecutionId));
        log.info("{}: its content was already imported by execution {}; not imported again, moved to {}",
                file.getFileName(), earlierExecutionId, moved);
        return moved;
    }

    /** A file no import could start for (unusable file, invalid feed): failed, with the reason in the log. */
    public Path refused(String feed, Path file, String reason) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String refusedName = dot <= 0 ? name + ".refused" : name.substring(0, dot) + ".refused" + name.substring(dot);
        Path moved = move(feed, file, directories.failed(feed), refusedName);
        log.warn("{}: not imported: {}; moved to {}", name, reason, moved);
        return moved;
    }

    /** Moves the file out of the inbox, remembered as handled first: should the move fail, it is not imported again. */
    private Path move(String feed, Path file, Path folder, String name) {
        handled.remember(feed, file.toFile());
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(name);
            // The same file dropped again lands beside the first: customers.exec-42.copy-2.csv
            int dot = name.lastIndexOf('.');
            for (int copy = 2; Files.exists(target); copy++) {
                target = folder.resolve(dot <= 0 ? name + ".copy-" + copy
                        : name.substring(0, dot) + ".copy-" + copy + name.substring(dot));
            }
            Path moved = Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            Optional<Path> marker = directories.doneMarkerOf(feed, file);
            if (marker.isPresent()) {
                Files.deleteIfExists(marker.get());
            }
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + file + " to " + folder + ": " + e.getMessage(), e);
        }
    }
}
