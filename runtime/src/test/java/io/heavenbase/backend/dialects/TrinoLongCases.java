package io.heavenbase.backend.dialects;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which Trino conformance cases run in every build: the hostile-input cases whose time bounds Trino
 * used to miss, the "drop() leaves nothing" case and one write case (about a minute). The whole
 * suite, about 20 to 30 minutes on 2 cores, runs with the {@code trino-long} profile (system property
 * {@value #LONG}).
 */
public final class TrinoLongCases implements ExecutionCondition {

    static final String LONG = "hb.trino.long";

    private static final Set<String> EVERY_BUILD = Set.of(
            "givenOrOf5000Parts_whenQuery_thenAnswersLikeTheReference",
            "givenAndChainOf1500_whenQuery_thenAnswersQuicklyLikeTheFlatFilter",
            "givenInAndNinWith70001Values_whenQuery_thenAnswersOnFieldsAndObjectId",
            "givenData_whenDrop_thenNoStructureIsLeftOnAnyBackend",
            "givenRow_whenSetOneField_thenOnlyThatFieldChangesOnEveryBackend");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty() || Boolean.getBoolean(LONG) || EVERY_BUILD.contains(method.get().getName())) {
            return ConditionEvaluationResult.enabled("runs in this build");
        }
        return ConditionEvaluationResult.disabled("runs with -Ptrino-long (-D" + LONG + "=true): the whole trino "
                + "conformance suite takes 20 to 30 minutes on 2 cores");
    }
}
