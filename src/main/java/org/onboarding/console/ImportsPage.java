package org.onboarding.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.onboarding.feed.FeedCatalog;
import org.onboarding.job.ImportSummaries;
import org.onboarding.operations.BackgroundRestarts;
import org.onboarding.operations.ExecutionDetails;
import org.onboarding.operations.ExecutionSummary;
import org.onboarding.operations.ImportExecutions;
import org.onboarding.operations.ImportHistory;
import org.onboarding.operations.ImportRejects;
import org.onboarding.operations.OperationRefusedException;
import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorLog;
import org.onboarding.operations.RecoverResult;
import org.onboarding.operations.RestartResult;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's imports: the list (newest first, filtered by feed, status and day), one import with its
 * steps, rejects and warnings, its reject report, the progress of running ones, and the actions an
 * import's state allows. Every action is {@link ImportExecutions}'s, as the command line and the API
 * call it, and goes to the operator log under the signed-in token's fingerprint.
 */
@Controller
@Profile("serve")
class ImportsPage {

    static final int LISTED = 50;
    /** How long a restart is waited for before the page answers: long enough for its new run to show. */
    static final Duration RESTART_SHOWN_WITHIN = Duration.ofSeconds(5);
    static final Set<BatchStatus> RESTARTABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.UNKNOWN);
    static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    private final ImportHistory history;
    private final ImportExecutions executions;
    private final ImportRejects rejects;
    private final FeedCatalog feeds;
    private final BackgroundRestarts restarts;
    private final OperatorLog operatorLog;
    private final RestartWait restartWait;

    ImportsPage(ImportHistory history, ImportExecutions executions, ImportRejects rejects, FeedCatalog feeds,
            BackgroundRestarts restarts, OperatorLog operatorLog) {
        this.history = history;
        this.executions = executions;
        this.rejects = rejects;
        this.feeds = feeds;
        this.restarts = restarts;
        this.operatorLog = operatorLog;
        this.restartWait = new RestartWait(history, RESTART_SHOWN_WITHIN);
    }

    @GetMapping("/")
    String list(@RequestParam(required = false) String feed, @RequestParam(required = false) String status,
            @RequestParam(required = false) String day, Model model) {
        String feedFilter = feed == null || feed.isBlank() ? null : feed;
        BatchStatus statusFilter = null;
        LocalDate dayFilter = null;
        if (status != null && !status.isBlank()) {
            try {
                statusFilter = BatchStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                model.addAttribute("refusal", "status must be one of " + Arrays.toString(BatchStatus.values()));
            }
        }
        if (day != null && !day.isBlank()) {
            try {
                dayFilter = LocalDate.parse(day.strip());
            } catch (DateTimeParseException unreadable) {
                model.addAttribute("refusal", "the day must be a date such as 2026-12-01");
            }
        }
        model.addAttribute("imports", history.list(statusFilter, feedFilter, dayFilter, LISTED));
        model.addAttribute("feeds", feeds.names());
        model.addAttribute("statuses", BatchStatus.values());
        model.addAttribute("feed", feedFilter);
        model.addAttribute("status", statusFilter);
        model.addAttribute("day", dayFilter);
        return "imports";
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable long id, Model model) {
        ExecutionDetails details = history.show(id);
        model.addAttribute("details", details);
        model.addAttribute("summary", details.summary());
        model.addAttribute("timeline", Timeline.of(details));
        ImportRejects.Breakdown breakdown = rejects.of(details.summary());
        model.addAttribute("rejects", breakdown);
        model.addAttribute("rejectChart", BarChart.of(breakdown.byRule().stream()
                .map(rule -> new BarChart.Value(rule.field(), rule.rejects())).toList()));
        BatchStatus state = details.summary().status();
        model.addAttribute("canRestart", details.lastOfInstance() && RESTARTABLE.contains(state));
        model.addAttribute("canAbandon", details.lastOfInstance() && RESTARTABLE.contains(state));
        model.addAttribute("canStop", state == BatchStatus.STARTING || state == BatchStatus.STARTED);
        model.addAttribute("canRecover", RUNNING.contains(state) || state == BatchStatus.UNKNOWN && !details.summary().ended());
        model.addAttribute("running", RUNNING.contains(state));
        model.addAttribute("report", details.reportPath() != null && Files.isRegularFile(Path.of(details.reportPath())));
        return "import";
    }

    /** The reject report, downloaded: its cells are masked and cannot start a spreadsheet formula. */
    @GetMapping("/imports/{id}/report")
    ResponseEntity<FileSystemResource> report(@PathVariable long id) {
        String path = history.show(id).reportPath();
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new OperationRefusedException("execution " + id + " has no reject report");
        }
        Path report = Path.of(path);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.getFileName().toString()).build().toString())
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(new FileSystemResource(report));
    }

    /** The imports' progress, for the pages' live bars: read from the job repository like everything else. */
    @GetMapping(path = "/imports/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Progress> progress(@RequestParam List<Long> ids) {
        return ids.stream().limit(LISTED).map(id -> Progress.of(history.summary(id))).toList();
    }

    @PostMapping("/imports/{id}/restart")
    String restart(@PathVariable long id, Authentication signedIn, RedirectAttributes outcome) {
        Operator operator = new Operator(signedIn.getName());
        CompletableFuture<RestartResult> restart = restarts.start(id, operator, "in the console");
        RestartWait.Seen seen = restartWait.await(id, restart);
        if (seen.refusal() != null) {
            outcome.addFlashAttribute("refusal", seen.refusal());
            return "redirect:/imports/" + id;
        }
        if (seen.executionId() < 0) {
            outcome.addFlashAttribute("outcome", "Import " + id + " is being restarted: its new run shows here once it starts.");
            return "redirect:/";
        }
        outcome.addFlashAttribute("outcome", "Import " + id + " restarted as import " + seen.executionId()
                + (seen.ended() ? "." : "; it is running."));
        return "redirect:/imports/" + seen.executionId();
    }

    @PostMapping("/imports/{id}/stop")
    String stop(@PathVariable long id, Authentication signedIn, RedirectAttributes outcome) {
        return act(id, outcome, () -> {
            executions.stop(id);
            operatorLog.did(new Operator(signedIn.getName()), "execution " + id + " asked to stop in the console");
            return "Import " + id + " was asked to stop: it stops at its next chunk, then shows STOPPED and can be restarted.";
        });
    }

    /** Abandoning is for good: the page first says what it means and asks again. */
    @GetMapping("/imports/{id}/abandon")
    String confirmAbandon(@PathVariable long id, Model model) {
        model.addAttribute("summary", history.show(id).summary());
        return "abandon";
    }

    @PostMapping("/imports/{id}/abandon")
    String abandon(@PathVariable long id, Authentication signedIn, RedirectAttributes outcome) {
        return act(id, outcome, () -> {
            BatchStatus status = executions.abandon(id);
            operatorLog.did(new Operator(signedIn.getName()), "execution " + id + " marked " + status + " in the console");
            return "Import " + id + " is " + status + ": it will not be restarted, and its file counts as imported.";
        });
    }

    @PostMapping("/imports/{id}/recover")
    String recover(@PathVariable long id, Authentication signedIn, RedirectAttributes outcome) {
        return act(id, outcome, () -> {
            RecoverResult result = executions.recover(id, false);
            if (!result.recovered()) {
                return "Import " + id + " is " + result.status() + ": not running, nothing to recover.";
            }
            operatorLog.did(new Operator(signedIn.getName()), "execution " + id + " " + result.describe() + " in the console");
            return "Import " + id + " " + result.describe() + ".";
        });
    }

    private static String act(long id, RedirectAttributes outcome, Action action) {
        try {
            outcome.addFlashAttribute("outcome", action.run());
        } catch (OperationRefusedException refused) {
            outcome.addFlashAttribute("refusal", refused.getMessage());
        } catch (Exception failed) {
            outcome.addFlashAttribute("refusal", ImportSummaries.describe(failed));
        }
        return "redirect:/imports/" + id;
    }

    @FunctionalInterface
    private interface Action {
        String run() throws Exception;
    }

    /**
     * A running import's progress.
     *
     * @param rowsPerSecond rows read over the time it has run, 0 before its first chunk
     * @param secondsLeft   at that rate, or -1 when it cannot be told yet
     * @param text          all of it in a line, as the pages show it: {@code 1,200 of 5,000 rows (24%), 410 rows/s, about 9 s left}
     */
    record Progress(long id, String status, boolean ended, long rowsRead, long fileRows, int percent,
            long rowsPerSecond, long secondsLeft, String text) {

        static Progress of(ExecutionSummary summary) {
            long millis = summary.duration().toMillis();
            long rate = millis <= 0 ? 0 : summary.rowsRead() * 1000 / millis;
            long left = rate <= 0 ? -1 : Math.max(summary.fileRows() - summary.rowsRead(), 0) / rate;
            int percent = summary.fileRows() <= 0 ? 0 : (int) Math.min(100, summary.rowsRead() * 100 / summary.fileRows());
            String text = String.format("%,d of %,d rows (%d%%), %,d rows/s, %s", summary.rowsRead(), summary.fileRows(),
                    percent, rate, left < 0 ? "time left unknown yet" : left < 60 ? "about " + left + " s left"
                            : "about " + left / 60 + " min " + left % 60 + " s left");
            return new Progress(summary.id(), summary.status().name(), summary.ended(), summary.rowsRead(),
                    summary.fileRows(), percent, rate, left, text);
        }
    }
}
