package org.onboarding.lease;

import java.time.Duration;

/**
 * The live process that holds an import execution's lease.
 *
 * @param instanceId   its instance id
 * @param host         its host
 * @param pid          its process id on that host
 * @param sinceRenewal how long ago it last renewed its lease, by the database's clock
 * @param lease        the lease it renews for (its own setting, which may differ from this process's)
 */
public record LeaseHolder(String instanceId, String host, long pid, Duration sinceRenewal, Duration lease) {

    /** Whether the holder renewed within its own lease: a live process, not one held gone. */
    public boolean live() {
        return sinceRenewal.compareTo(lease) <= 0;
    }

    /** The holder in a few words, for a refusal: {@code blue-4242-… (pid 4242 on host-a), renewed 3 s ago}. */
    public String describe() {
        return instanceId + " (pid " + pid + " on " + host + "), which renewed its lease " + sinceRenewal.toSeconds()
                + " s ago";
    }
}
