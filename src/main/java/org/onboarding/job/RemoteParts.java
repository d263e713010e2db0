package org.onboarding.job;

import org.springframework.batch.core.partition.PartitionHandler;

/**
 * Runs the parts of a remote import's customers step on workers, other processes that share the
 * database, instead of in this process's threads. Provided by the scale-out module; a process
 * without it imports locally only.
 */
public interface RemoteParts extends PartitionHandler {
}
