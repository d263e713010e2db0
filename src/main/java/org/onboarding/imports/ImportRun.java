package org.onboarding.imports;

import java.util.UUID;

/**
 * The run an import's rejects and warnings belong to: the job instance (one file of one
 * organisation, across restarts) and the execution that found them.
 */
public record ImportRun(long jobInstanceId, long jobExecutionId, UUID organizationId) {
}
