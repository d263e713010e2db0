package org.onboarding.remote;

/** A part of a remote import failed where it ran: on a worker, or here for want of one. */
class RemotePartFailedException extends RuntimeException {

    /** @param why the part's exit description as recorded: its first line says why */
    RemotePartFailedException(String part, String why) {
        super(part + ": " + (why == null || why.isBlank() ? "failed" : why.lines().findFirst().orElse("").strip()));
    }
}
