package org.onboarding.inbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.onboarding.job.ImportFailureNotifier;
import org.onboarding.job.ImportParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, the service recovers the imports it was itself running when it died (kill -9, power
 * loss): they are still marked STARTED, which no process will ever finish. Each is marked FAILED
 * (Spring Batch's recover) and its file moved from the inbox to {@code failed/}, so that
 * {@code ./onboard restart ID} resumes it from its last committed chunk. Imports launched by
 * another instance, or from the command line, are left alone: they may still be running.
 */
@Component
public class InterruptedImports {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final InboxFiles files;
    private final ImportFailureNotifier failureNotifier;

    public InterruptedImports(JdbcTemplate jdbc, JobRepository jobRepository, JobOperator jobOperator, InboxFiles files,
            ImportFailureNotifier failureNotifier) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.files = files;
        this.failureNotifier = failureNotifier;
    }

    /** Recovers this instance's interrupted imports; returns their execution ids. */
    public List<Long> recover(String instance) {
        List<Long> interrupted = jdbc.queryForList("""
                select e.job_execution_id from batch_job_execution e
                join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                where e.status in ('STARTING', 'STARTED', 'STOPPING')
                  and p.parameter_name = ? and p.parameter_value = ?
                order by e.job_execution_id""", Long.class, ImportParameters.LAUNCHED_BY, instance);
        for (long id : interrupted) {
            JobExecution recovered = jobOperator.recover(jobRepository.getJobExecution(id));
            failureNotifier.recovered(recovered);
            String feed = recovered.getJobParameters().getString(ImportParameters.FEED);
            Path file = Path.of(recovered.getJobParameters().getString(ImportParameters.FILE));
            log.warn("Import execution {} was interrupted when this service stopped; marked {}", id,
                    recovered.getStatus());
            if (Files.exists(file)) {
                files.afterExecution(feed, file, recovered);
            }
        }
        return interrupted;
    }
}
