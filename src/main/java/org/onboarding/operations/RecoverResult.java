package org.onboarding.operations;

import org.springframework.batch.core.BatchStatus;

/**
 * What {@code recover} did to an execution.
 *
 * @param id         the execution
 * @param recovered  whether it was marked (false: it was not running, and is left as it is)
 * @param status     its status now
 * @param forcedFrom the instance whose live lease was overridden by force, or null
 */
public record RecoverResult(long id, boolean recovered, BatchStatus status, String forcedFrom) {

    /** For the operator log: how it was recovered, e.g. {@code recovered by force from blue-…, marked FAILED}. */
    public String describe() {
        return "recovered" + (forcedFrom == null ? "" : " by force from " + forcedFrom) + ", marked " + status;
    }
}
