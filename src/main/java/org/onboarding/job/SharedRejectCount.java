package org.onboarding.job;

import java.util.Comparator;
import java.util.List;

import org.onboarding.imports.ImportTally;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rejects of a remote import's parts, counted in one row per execution, so that workers on
 * different hosts hold the feed's skip limit together, exactly. A chunk with rejects adds them to
 * the row in its own transaction, which locks the row until it commits: two workers' last chunks
 * cannot both pass the limit, and a chunk rolled back takes its rejects back with it. The importing
 * process starts the row with the rejects earlier runs of the import committed.
 */
@Component
class SharedRejectCount {

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;

    SharedRejectCount(JdbcTemplate jdbc, JobRepository jobRepository) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
    }

    /** Starts the execution's count with what the parts of its earlier runs committed. */
    void start(JobExecution execution) {
        List<JobExecution> runs = jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .filter(run -> run.getId() < execution.getId()).toList();
        long earlier = runs.stream().max(Comparator.comparing(JobExecution::getId))
                .map(last -> ImportSummaries.lastRunOfEachCountingStep(runs, last).stream()
                        .filter(step -> step.getStepName().startsWith(CustomerImportJobConfiguration.PART_STEP + ":"))
                        .mapToLong(part -> ImportTally.countsIn(part.getExecutionContext()).rejects()).sum())
                .orElse(0L);
        jdbc.update("delete from import_reject_count where job_execution_id = ?", execution.getId());
        jdbc.update("insert into import_reject_count (job_execution_id, rejects) values (?, ?)", execution.getId(),
                earlier);
    }

    /** The count of one execution. */
    Of of(long jobExecutionId) {
        return new Of(jobExecutionId);
    }

    /** The count of one execution, read and added to in the running chunk's transaction. */
    final class Of {

        private final long jobExecutionId;

        private Of(long jobExecutionId) {
            this.jobExecutionId = jobExecutionId;
        }

        void add(long rejects) {
            jdbc.update("update import_reject_count set rejects = rejects + ? where job_execution_id = ?", rejects,
                    jobExecutionId);
        }

        /** Committed by every part, plus what the running transaction added. */
        long total() {
            List<Long> total = jdbc.queryForList("select rejects from import_reject_count where job_execution_id = ?",
                    Long.class, jobExecutionId);
            return total.isEmpty() ? 0 : total.get(0);
        }
    }
}
