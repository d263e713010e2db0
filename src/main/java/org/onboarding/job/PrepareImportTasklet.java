package org.onboarding.job;

import java.util.List;

import org.onboarding.feed.FieldDefinitionStore;
import org.onboarding.feed.UnknownColumnPolicy;
import org.onboarding.file.FileHeader;
import org.onboarding.file.UnimportableFileException;
import org.onboarding.imports.ImportWarning;
import org.onboarding.rejects.RejectStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The import's first step: brings the organisation and its field definitions in line with the
 * feed, applies the feed's policy to the header's unknown columns (one warning per column, new
 * text definitions, or a refused file), and decides how many parts writers import side by side
 * ({@link ImportPartsPlanner}). Runs once per job instance: a restart skips it, and keeps its
 * decisions.
 */
public class PrepareImportTasklet implements Tasklet {

    /** The job execution context's count of the header's warnings, which the summary adds to the rows' ones. */
    public static final String HEADER_WARNINGS = "header.warnings";
    /** The job execution context's number of parts the file's rows are split into, kept for restarts. */
    public static final String PARTS = "import.parts";

    private final ImportContextFactory contexts;
    private final FieldDefinitionStore definitions;
    private final RejectStore rejects;
    private final ImportPartsPlanner partsPlanner;

    public PrepareImportTasklet(ImportContextFactory contexts, FieldDefinitionStore definitions, RejectStore rejects,
            ImportPartsPlanner partsPlanner) {
        this.contexts = contexts;
        this.definitions = definitions;
        this.rejects = rejects;
        this.partsPlanner = partsPlanner;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        definitions.sync(contexts.feed(execution));
        ImportContext context = contexts.create(execution);
        applyUnknownColumnPolicy(context, execution);
        Long records = execution.getJobParameters().getLong(ImportParameters.RECORDS);
        Long writers = execution.getJobParameters().getLong(ImportParameters.WRITERS);
        execution.getExecutionContext().putInt(PARTS, partsPlanner.parts(context, records == null ? 0 : records,
                writers == null ? null : writers.intValue(), ImportParameters.remote(execution.getJobParameters())));
        return RepeatStatus.FINISHED;
    }

    private void applyUnknownColumnPolicy(ImportContext context, JobExecution execution) {
        FileHeader header = context.header();
        List<String> unknown = header.unknownColumns();
        if (unknown.isEmpty()) {
            return;
        }
        UnknownColumnPolicy policy = context.feed().unknownColumns();
        switch (policy) {
            case REJECT_FILE -> throw new UnimportableFileException(context.file(), "line 1: columns "
                    + String.join(", ", unknown) + " match no field of " + context.feed().organization().name());
            case CREATE -> definitions.createTextFields(context.feed().organization().id(), unknown);
            case IGNORE -> {
                rejects.recordWarnings(context.run(), unknown.stream()
                        .map(column -> new ImportWarning(1L, null, column, "column '" + column
                                + "' matches no customer field of the organisation; its values are not imported"))
                        .toList());
                execution.getExecutionContext().putLong(HEADER_WARNINGS, unknown.size());
            }
        }
    }
}
