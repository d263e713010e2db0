package org.onboarding.job;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.onboarding.feed.Feed;
import org.onboarding.file.FileInspection;
import org.onboarding.file.InspectedFile;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The customer import job's parameters. A job instance is one file's content for one
 * organisation, run once: the organisation, the file's SHA-256 and the run number (0, then 1, 2…
 * each time an operator imports the same content again with --rerun) identify it. Where the file
 * lies, its charset and its feed may differ between a failed run and its restart.
 */
public final class ImportParameters {

    public static final String ORGANIZATION = "organization";
    public static final String SHA256 = "file.sha256";
    public static final String RERUN = "rerun";
    public static final String FEED = "feed";
    public static final String FILE = "file";
    public static final String ENCODING = "encoding";
    public static final String RECORDS = "file.records";
    /** The file's size and modification time (epoch milliseconds) at inspection (non-identifying). */
    public static final String BYTES = "file.bytes";
    public static final String MODIFIED = "file.modified";
    public static final String WRITERS = "writers";
    /** Present when the customers step's parts run on workers, over the message broker. */
    public static final String REMOTE = "remote";
    /** Which service instance launched the import, when one did (non-identifying). */
    public static final String LAUNCHED_BY = "launched.by";

    private ImportParameters() {
    }

    /** The parameters that name the job instance: {@code rerun} is 0 for the content's first import, then 1, 2… */
    public static JobParameters identifying(Feed feed, FileInspection inspection, long rerun) {
        return new JobParametersBuilder()
                .addString(ORGANIZATION, feed.organization().id().toString(), true)
                .addString(SHA256, inspection.sha256(), true)
                .addLong(RERUN, rerun, true)
                .toJobParameters();
    }

    /**
     * Every parameter of a launch: the identifying ones, where and how to read the file, and at
     * most how many writers may import it (null: the configured number).
     */
    public static JobParameters of(Feed feed, FileInspection inspection, long rerun, Integer writers, boolean remote) {
        JobParametersBuilder builder = new JobParametersBuilder(identifying(feed, inspection, rerun))
                .addString(FEED, feed.name(), false)
                .addString(FILE, inspection.file().toString(), false)
                .addString(ENCODING, inspection.charset().name(), false)
                .addLong(RECORDS, inspection.records(), false)
                .addLong(BYTES, inspection.bytes(), false)
                .addLong(MODIFIED, inspection.modifiedMillis(), false);
        if (writers != null) {
            builder.addLong(WRITERS, writers.longValue(), false);
        }
        if (remote) {
            builder.addString(REMOTE, "true", false);
        }
        return builder.toJobParameters();
    }

    /** Whether the customers step's parts run on workers. */
    public static boolean remote(JobParameters parameters) {
        return "true".equals(parameters.getString(REMOTE));
    }

    /** What inspection saw of the file, or null for an execution launched before it was recorded. */
    public static InspectedFile inspected(JobParameters parameters) {
        Long records = parameters.getLong(RECORDS);
        Long bytes = parameters.getLong(BYTES);
        Long modified = parameters.getLong(MODIFIED);
        return records == null || bytes == null || modified == null ? null
                : new InspectedFile(file(parameters), records, bytes, modified);
    }

    public static Path file(JobParameters parameters) {
        return Path.of(parameters.getString(FILE));
    }

    public static Charset encoding(JobParameters parameters) {
        return Charset.forName(parameters.getString(ENCODING));
    }
}
