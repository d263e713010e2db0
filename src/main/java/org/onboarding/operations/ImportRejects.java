package org.onboarding.operations;

import java.util.List;

import org.onboarding.rejects.RejectStore;
import org.onboarding.rejects.RuleRejects;
import org.onboarding.rejects.StoredReject;
import org.springframework.stereotype.Component;

/**
 * Why an import's rows were refused, for the console: its rejects counted by rule, and the first of them
 * with their line, field, reason and masked cells, over its job instance's runs up to that execution
 * (the same rejects its reject report holds).
 */
@Component
public class ImportRejects {

    /** Rejects shown on an import's page; the report holds them all. */
    public static final int FIRST_SHOWN = 50;

    private final RejectStore store;

    ImportRejects(RejectStore store) {
        this.store = store;
    }

    /**
     * @param byRule how many rejects each rule made, most first
     * @param first  the first {@value #FIRST_SHOWN}, in file order
     */
    public record Breakdown(List<RuleRejects> byRule, List<StoredReject> first) {

        public long total() {
            return byRule.stream().mapToLong(RuleRejects::rejects).sum();
        }
    }

    public Breakdown of(ExecutionSummary execution) {
        return new Breakdown(store.countByRule(execution.jobInstanceId(), execution.id()),
                store.first(execution.jobInstanceId(), execution.id(), FIRST_SHOWN));
    }
}
