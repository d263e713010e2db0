package org.onboarding.serve;

import java.nio.file.Path;
import java.util.Optional;

import org.onboarding.folders.InboxClaims;
import org.onboarding.folders.InboxFiles;
import org.onboarding.job.ImportLauncher;
import org.onboarding.job.ImportParameters;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.launch.JobLaunchRequest;
import org.springframework.integration.handler.advice.AbstractRequestHandlerAdvice;
import org.springframework.messaging.Message;

/**
 * Around the job-launching gateway: a dropped file's launch counts as one of the launcher's, so that a
 * graceful stop refuses it (the claimed file goes back to the inbox for the next start) or waits for its
 * job to stop. When the launch fails outright (the database went away), the file goes to {@code failed/},
 * named after its execution when one was recorded so that {@code ./onboard restart ID} finds it,
 * rather than staying in the inbox.
 */
class GatewayLaunchAdvice extends AbstractRequestHandlerAdvice {

    private final String feed;
    private final InboxFiles files;
    private final InboxClaims claims;
    private final ImportLauncher launcher;
    private final JobRepository jobRepository;

    GatewayLaunchAdvice(String feed, InboxFiles files, InboxClaims claims, ImportLauncher launcher,
            JobRepository jobRepository) {
        this.feed = feed;
        this.files = files;
        this.claims = claims;
        this.launcher = launcher;
        this.jobRepository = jobRepository;
    }

    @Override
    protected Object doInvoke(ExecutionCallback callback, Object target, Message<?> message) {
        JobLaunchRequest request = (JobLaunchRequest) message.getPayload();
        Path file = ImportParameters.file(request.getJobParameters());
        try {
            Optional<Object> launched = launcher.launchUnlessStopping(callback::execute);
            if (launched.isEmpty()) {
                claims.giveBackQuietly(feed, file);
            }
            return launched.orElse(null);
        } catch (Exception failure) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            JobExecution recorded = recordedExecution(request);
            if (recorded != null) {
                files.afterExecution(feed, file, recorded);
            } else {
                files.refused(feed, file, "the import could not be launched: " + cause.getMessage());
            }
            return null;
        }
    }

    private JobExecution recordedExecution(JobLaunchRequest request) {
        try {
            return jobRepository.getLastJobExecution(request.getJob().getName(), request.getJobParameters());
        } catch (RuntimeException databaseStillDown) {
            return null;
        }
    }
}
