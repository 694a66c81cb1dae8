package io.heavenbase;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What can be stored where and which operations run natively. Globally ({@link
 * HeavenBase#capabilities()}) a backend argument is a backend key such as {@code "inmem"}; on a
 * workspace ({@link Workspace#capabilities()}) it is a backend name such as {@code "main"}. The
 * planner, {@code explain()} and placement validation read the same registry.
 */
public interface Capabilities {

    /** Every logical type family, as canonical spellings of their default form. */
    List<DType> dtypes();

    /** Strategies that at least one backend can store this dtype with. */
    Set<Strategy> strategies(DType dtype);

    /** Backends (with strategy and mode) that can store {@code dtype} and run {@code op} on it. */
    List<BackendOption> backends(DType dtype, String op);

    /** Op names (native and fallback) available for this dtype and strategy on the backend. */
    Set<String> ops(DType dtype, Strategy strategy, String backend);

    /** Whether the backend can store the dtype with the strategy and run the op. */
    boolean supports(DType dtype, String op, String backend, Strategy strategy);

    /**
     * Native or fallback for that combination, for a field with its type's default full-text switch
     * (on for LongText only); empty when it is not supported at all.
     */
    Optional<ExecutionMode> mode(DType dtype, Strategy strategy, String op, String backend);

    /**
     * Native or fallback for that combination, for a field whose full-text switch
     * ({@link FullText}) is on ({@code fullTextIndex}) or off; empty when it is not supported at
     * all. On SQL backends {@code match} on a field without index is a scan in the database or runs
     * in the engine, and this says which.
     */
    Optional<ExecutionMode> mode(DType dtype, Strategy strategy, String op, String backend, boolean fullTextIndex);
}
