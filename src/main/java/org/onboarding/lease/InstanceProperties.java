package org.onboarding.lease;

import java.time.Duration;

import org.onboarding.settings.AtLeast;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This process among the others that share the database ({@code onboard.instance.*}).
 *
 * @param name  a name for people, the first part of the instance id (the host name when not set); the
 *              id adds the process id and start time, so two processes given one name never share an id
 * @param lease how long a process may go without renewing its lease before the others hold it gone: its
 *              running imports are then recovered (marked FAILED) and the files it claimed returned to
 *              the inbox. Renewed every sixth of it; every instance should use the same value
 */
@ConfigurationProperties("onboard.instance")
record InstanceProperties(String name, @DefaultValue("30s") @AtLeast("1s") Duration lease) {

    /** How often the lease is renewed: often enough that a few missed renewals do not lose it. */
    Duration renewEvery() {
        return lease.dividedBy(6);
    }
}
