package org.onboarding.inbox;

import java.io.File;

import org.springframework.integration.file.FileHeaders;
import org.springframework.integration.handler.advice.AbstractRequestHandlerAdvice;
import org.springframework.messaging.Message;

/**
 * When the job-launching gateway cannot launch a dropped file's import at all (the job repository
 * refuses it, the database is down), the file goes to {@code failed/} with the reason in the log,
 * rather than staying in the inbox where the accept-once filter would never look at it again.
 */
class FailedLaunchAdvice extends AbstractRequestHandlerAdvice {

    private final String feed;
    private final InboxFiles files;

    FailedLaunchAdvice(String feed, InboxFiles files) {
        this.feed = feed;
        this.files = files;
    }

    @Override
    protected Object doInvoke(ExecutionCallback callback, Object target, Message<?> message) {
        try {
            return callback.execute();
        } catch (RuntimeException failure) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            File file = message.getHeaders().get(FileHeaders.ORIGINAL_FILE, File.class);
            files.refused(feed, file.toPath(), "the import could not be launched: " + cause.getMessage());
            return null;
        }
    }
}
