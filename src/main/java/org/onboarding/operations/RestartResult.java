package org.onboarding.operations;

import java.nio.file.Path;

import org.onboarding.job.ImportSummary;

/**
 * How {@code ./onboard restart ID} ended.
 *
 * @param file        the file the restart read: the original, or its copy in {@code failed/<feed>/}
 * @param summary     the new execution's summary
 * @param movedTo     where the file went in {@code processed/<feed>/} after a completed restart of a
 *                    file from {@code failed/<feed>/}, or null when it was not moved
 * @param moveFailure why that move failed, or null: the import itself is done either way
 */
public record RestartResult(long restartedId, Path file, ImportSummary summary, Path movedTo, String moveFailure) {
}
