package org.onboarding.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link EnabledIfPostgres}. */
public class PostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Postgres.reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + Postgres.URL);
        }
        if (Postgres.required()) {
            throw new IllegalStateException("PostgreSQL is required (ONBOARD_REQUIRE_POSTGRES=true) but "
                    + Postgres.URL + " cannot be reached");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + Postgres.URL);
    }
}
