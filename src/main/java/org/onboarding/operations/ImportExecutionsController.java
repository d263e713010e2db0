package org.onboarding.operations;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator commands over HTTP, for tooling ({@code ./onboard serve} only, behind the bearer token):
 * {@code GET /api/executions[?status=&feed=&limit=]}, {@code GET /api/executions/ID}, and
 * {@code POST /api/executions/ID/restart|stop|abandon}. Answers 404 for an unknown id and 409 for an
 * operation the execution's state refuses, with the same one-line reasons as the command line, each in a
 * problem detail ({@link Refusals}).
 */
@RestController
@RequestMapping("/api/executions")
class ImportExecutionsController {

    /** The most executions one listing returns: a larger page is refused rather than read whole. */
    static final int MOST_LISTED = 1000;

    /** A restart that is still importing after this long is answered 202, and goes on in the background. */
    private static final Duration RESTART_ANSWER_WITHIN = Duration.ofSeconds(2);

    private final ImportHistory history;
    private final ImportExecutions executions;
    private final BackgroundRestarts restarts;
    private final OperatorLog operatorLog;

    ImportExecutionsController(ImportHistory history, ImportExecutions executions, BackgroundRestarts restarts,
            OperatorLog operatorLog) {
        this.history = history;
        this.executions = executions;
        this.restarts = restarts;
        this.operatorLog = operatorLog;
    }

    @GetMapping
    ResponseEntity<?> list(@RequestParam(required = false) String status, @RequestParam(required = false) String feed,
            @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MOST_LISTED) {
            return refusal(HttpStatus.BAD_REQUEST, "limit must be 1 to " + MOST_LISTED + ", not " + limit);
        }
        BatchStatus wanted;
        try {
            wanted = status == null ? null : BatchStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return refusal(HttpStatus.BAD_REQUEST, "status must be one of "
                    + Arrays.toString(BatchStatus.values()) + ", not '" + status + "'");
        }
        return ResponseEntity.ok(history.list(wanted, feed, limit));
    }

    @GetMapping("/{id}")
    ExecutionDetails show(@PathVariable long id) {
        return history.show(id);
    }

    @PostMapping("/{id}/restart")
    ResponseEntity<?> restart(@PathVariable long id, @RequestAttribute(Operator.REQUEST_ATTRIBUTE) Operator operator)
            throws Exception {
        CompletableFuture<RestartResult> restart = restarts.start(id, operator, "over HTTP");
        try {
            RestartResult result = restart.get(RESTART_ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            return ResponseEntity.ok(result);
        } catch (TimeoutException stillImporting) {
            return ResponseEntity.accepted().body(Map.of("restarting", id,
                    "message", "the restart is importing; GET /api/executions shows its new execution"));
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }

    @PostMapping("/{id}/stop")
    ResponseEntity<Map<String, Object>> stop(@PathVariable long id, @RequestAttribute(Operator.REQUEST_ATTRIBUTE) Operator operator)
            throws Exception {
        executions.stop(id);
        operatorLog.did(operator, "execution " + id + " asked to stop over HTTP");
        return ResponseEntity.accepted().body(Map.of("id", id, "message",
                "stopping at the next chunk boundary; it then shows STOPPED and can be restarted"));
    }

    @PostMapping("/{id}/abandon")
    Map<String, Object> abandon(@PathVariable long id, @RequestAttribute(Operator.REQUEST_ATTRIBUTE) Operator operator)
            throws Exception {
        BatchStatus status = executions.abandon(id);
        operatorLog.did(operator, "execution " + id + " marked " + status + " over HTTP");
        return Map.of("id", id, "status", status);
    }

    /** Marks FAILED an execution whose process died; {@code force=true} overrides a live lease (409 without it). */
    @PostMapping("/{id}/recover")
    RecoverResult recover(@PathVariable long id, @RequestParam(defaultValue = "false") boolean force,
            @RequestAttribute(Operator.REQUEST_ATTRIBUTE) Operator operator) {
        RecoverResult result = executions.recover(id, force);
        if (result.recovered()) {
            operatorLog.did(operator, "execution " + id + " " + result.describe() + " over HTTP");
        }
        return result;
    }

    @ExceptionHandler(OperationRefusedException.class)
    ResponseEntity<ProblemDetail> refused(OperationRefusedException refusal) {
        HttpStatus status = refusal instanceof UnknownExecutionException ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return refusal(status, refusal.getMessage());
    }

    private static ResponseEntity<ProblemDetail> refusal(HttpStatus status, String reason) {
        return ResponseEntity.of(Refusals.of(status, reason)).build();
    }
}
