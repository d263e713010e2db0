package org.onboarding.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * This process as the others see it: an id unique among every process ever started on the database
 * ({@code name-pid-start}, the process id and start time in base 36 so that no run of digits in a log
 * line is taken for an identity and masked; safe as a folder name), the host, the process id and when
 * it started.
 */
public record ProcessInstance(String id, String host, long pid, Instant startedAt) {

    /**
     * This process, named {@code name} (the host name when null or blank), started now: when its lease
     * registry was created, so that two application contexts in one JVM (tests) are two instances too.
     */
    static ProcessInstance current(String name) {
        String host = hostName();
        ProcessHandle self = ProcessHandle.current();
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String prefix = name == null || name.isBlank() ? host : name.strip();
        String id = (prefix + "-" + Long.toString(self.pid(), 36) + "-" + Long.toString(started.toEpochMilli(), 36))
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return new ProcessInstance(id.length() <= 200 ? id : id.substring(id.length() - 200), host, self.pid(), started);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
