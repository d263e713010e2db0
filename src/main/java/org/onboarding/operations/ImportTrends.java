package org.onboarding.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

/**
 * The history of imports as operators chart it: rows imported and rejected per day, and the
 * throughput of the latest completed imports. Each file counts once, by its last run (a restart's
 * counts include its earlier runs'), on the day that run started.
 */
@Component
public class ImportTrends {

    /** The most executions read for one chart: a busy service's fortnight, not its whole past. */
    static final int MOST_READ = 500;

    private final ImportHistory history;
    private final Clock clock;

    ImportTrends(ImportHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /** One day's imports: rows created or updated, and rows rejected. */
    public record Day(LocalDate day, long imported, long rejected) {
    }

    /** One completed import's speed: its rows read over its last run's duration. */
    public record Throughput(long id, String file, long rows, Duration duration, long rowsPerSecond) {
    }

    /** The last {@code days} days, oldest first, today included, days without imports as zeros. */
    public List<Day> daily(int days) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, long[]> totals = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            totals.put(day, new long[2]);
        }
        Set<Long> counted = new HashSet<>();
        for (ExecutionSummary execution : history.list(null, null, MOST_READ)) {
            // Newest first: the first seen of a job instance is its last run, whose counts include the earlier runs'.
            if (execution.startTime() == null || !counted.add(execution.jobInstanceId())) {
                continue;
            }
            long[] total = totals.get(execution.startTime().toLocalDate());
            if (total != null) {
                total[0] += execution.created() + execution.updated();
                total[1] += execution.rejected();
            }
        }
        List<Day> result = new ArrayList<>();
        totals.forEach((day, total) -> result.add(new Day(day, total[0], total[1])));
        return result;
    }

    /** The latest completed imports' throughput, newest first. */
    public List<Throughput> throughput(int imports) {
        return history.list(BatchStatus.COMPLETED, null, imports).stream()
                .map(execution -> new Throughput(execution.id(), execution.file(), execution.rowsRead(),
                        execution.duration(), execution.duration().toMillis() <= 0 ? execution.rowsRead()
                                : execution.rowsRead() * 1000 / execution.duration().toMillis()))
                .toList();
    }
}
