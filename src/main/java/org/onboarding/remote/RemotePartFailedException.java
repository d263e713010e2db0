package org.onboarding.remote;

/** A part of a remote import failed where it ran: on a worker, or here for want of one. */
class RemotePartFailedException extends RuntimeException {

    /** @param why why the part failed, as it recorded it, or its exit description, whose first line says why */
    RemotePartFailedException(String part, String why) {
        super(part + ": " + (why == null || why.isBlank() ? "failed" : why.lines().findFirst().orElse("").strip()));
    }
}
