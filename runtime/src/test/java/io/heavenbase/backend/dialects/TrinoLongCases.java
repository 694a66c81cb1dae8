package io.heavenbase.backend.dialects;

import io.heavenbase.conformance.BadWriteConformance;
import io.heavenbase.conformance.ExplainConformance;
import io.heavenbase.conformance.HostileInputConformance;
import io.heavenbase.conformance.ProjectionConformance;
import io.heavenbase.conformance.RegistrationConformance;
import io.heavenbase.conformance.SchemaDriftConformance;
import io.heavenbase.conformance.SystemConformance;
import io.heavenbase.conformance.ValueSemanticsConformance;
import io.heavenbase.conformance.WriteConformance;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which Trino conformance cases run in every build: every case of the conformance groups named in
 * {@link #EVERY_BUILD} (a fixed list of whole groups, among them the hostile-input cases, the system
 * cases with "drop() leaves nothing" and the write cases), which with the Trino start and the
 * differential test fit about ten minutes on 2 cores. The other groups run with the {@code trino-long}
 * profile (system property {@value #LONG}), which runs the whole suite. docs/sql-dialects.md has the
 * measured times.
 */
public final class TrinoLongCases implements ExecutionCondition {

    static final String LONG = "hb.trino.long";

    static final Set<Class<?>> EVERY_BUILD = Set.of(HostileInputConformance.class, SystemConformance.class,
            WriteConformance.class, RegistrationConformance.class, ProjectionConformance.class,
            ValueSemanticsConformance.class, SchemaDriftConformance.class, ExplainConformance.class,
            BadWriteConformance.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty() || Boolean.getBoolean(LONG) || EVERY_BUILD.contains(method.get().getDeclaringClass())) {
            return ConditionEvaluationResult.enabled("runs in this build");
        }
        return ConditionEvaluationResult.disabled("runs with -Ptrino-long (-D" + LONG + "=true): "
                + method.get().getDeclaringClass().getSimpleName() + " is not among the conformance groups every "
                + "build runs on Trino (TrinoLongCases)");
    }
}
