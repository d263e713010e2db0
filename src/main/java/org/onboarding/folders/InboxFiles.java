package org.onboarding.folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a claimed file (see {@link InboxClaims}) out of its claim folder once its fate is known: to
 * {@code processed/<feed>/} after an import that completed (or when its content was imported before), to {@code failed/<feed>/} after one
 * that failed or stopped, or that could not start. The name carries the execution's id.
 */
@Component
public class InboxFiles {

    private static final Logger log = LoggerFactory.getLogger(InboxFiles.class);

    private final FeedDirectories directories;

    public InboxFiles(FeedDirectories directories) {
        this.directories = directories;
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
        Path moved = move(file, completed ? directories.processed(feed) : directories.failed(feed),
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
        Path moved = move(file, directories.processed(feed),
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
        Path moved = move(file, directories.failed(feed), refusedName);
        log.warn("{}: not imported: {}; moved to {}", name, reason, moved);
        return moved;
    }

    /** A failed file restarted to completion: from {@code failed/} to {@code processed/}, named after the execution that completed it. */
    public Path restarted(String feed, Path failedFile, long executionId) {
        String originalName = FeedDirectories.nameBefore(failedFile.getFileName().toString());
        return move(failedFile, directories.processed(feed), FeedDirectories.nameAfter(originalName, executionId));
    }

    /** Moves the claimed file to its folder (its done marker went with the claim). */
    private static Path move(Path file, Path folder, String name) {
        try {
            Files.createDirectories(folder);
            return Files.move(file, FeedDirectories.freeName(folder, name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + file + " to " + folder + ": " + e.getMessage(), e);
        }
    }
}
