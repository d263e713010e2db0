package org.onboarding.job;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.onboarding.feed.Feed;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.feed.FieldDefinitionStore;
import org.onboarding.feed.FileLimits;
import org.onboarding.file.CustomerCsv;
import org.onboarding.file.CustomerRecords;
import org.onboarding.file.FileHeader;
import org.onboarding.file.UnimportableFileException;
import org.onboarding.imports.ImportRun;
import org.onboarding.rejects.PiiMask;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

/** Resolves an {@link ImportContext} from a running job execution. */
@Component
class ImportContextFactory {

    private final FeedCatalog feeds;
    private final FieldDefinitionStore definitions;

    public ImportContextFactory(FeedCatalog feeds, FieldDefinitionStore definitions) {
        this.feeds = feeds;
        this.definitions = definitions;
    }

    /** The feed the execution imports for. */
    public Feed feed(JobExecution execution) {
        return feeds.find(execution.getJobParameters().getString(ImportParameters.FEED));
    }

    public ImportContext create(JobExecution execution) {
        JobParameters parameters = execution.getJobParameters();
        Feed feed = feed(execution);
        Path file = ImportParameters.file(parameters);
        Charset charset = ImportParameters.encoding(parameters);
        FileHeader header = FileHeader.resolve(file, headerCells(file, charset, feed.limits()),
                definitions.load(feed.organization().id()));
        ImportRun run = new ImportRun(execution.getJobInstance().getInstanceId(), execution.getId(),
                feed.organization().id());
        return new ImportContext(feed, run, file, charset, header, new PiiMask(header));
    }

    private static String[] headerCells(Path file, Charset charset, FileLimits limits) {
        try (CustomerRecords records = CustomerCsv.open(file, charset, limits)) {
            if (records.header() == null) {
                throw new UnimportableFileException(file, "the file has no header line");
            }
            return records.header().cells();
        } catch (UnimportableFileException e) {
            throw e;
        } catch (Exception e) {
            throw new UnimportableFileException(file, "cannot read the header: " + e.getClass().getSimpleName());
        }
    }
}
