package io.heavenbase.backend.sql;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import java.util.EnumSet;
import java.util.Set;

/**
 * The capability table of a SQL dialect, starting from what every SQL dialect runs natively: {@code null} on every
 * kind stored inline, the comparisons, {@code in}/{@code nin} and {@code order} on the scalar kinds, and Array and
 * HyperG side tables ({@code null}, and {@code array_contains} on Array). A dialect states only its differences.
 */
public final class SqlCapabilities {

    /** The kinds with a total order that SQL compares and sorts like the engine. */
    public static final Set<Kind> SCALARS = EnumSet.of(Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.MEDIUM_TEXT,
            Kind.LONG_TEXT, Kind.CATEGORICAL, Kind.INTEGER, Kind.FLOAT, Kind.BOOLEAN, Kind.TIMESTAMP, Kind.DATE);

    /** The text kinds that {@code match}, {@code search} and {@code contains} apply to. */
    public static final Set<Kind> TEXT = EnumSet.of(Kind.SHORT_TEXT, Kind.MEDIUM_TEXT, Kind.LONG_TEXT);

    private Set<Kind> inline = EnumSet.allOf(Kind.class);
    private Set<Kind> comparable = SCALARS;
    private boolean fullTextMatch;
    private boolean scanMatch;
    private boolean inlineContains;
    private boolean nativeNear;

    private SqlCapabilities() {
    }

    /** What every SQL dialect shares (see the class comment). */
    public static SqlCapabilities standard() {
        return new SqlCapabilities();
    }

    /** Only these kinds are stored as inline columns (the others need a side table). */
    public SqlCapabilities inlineKinds(Set<Kind> kinds) {
        this.inline = EnumSet.copyOf(kinds);
        return this;
    }

    /** Only these kinds are compared and sorted natively (the others run in the engine). */
    public SqlCapabilities comparableKinds(Set<Kind> kinds) {
        this.comparable = EnumSet.copyOf(kinds);
        return this;
    }

    /** {@code match} and {@code search} on inline text run natively through the field's full-text index. */
    public SqlCapabilities fullTextMatch() {
        this.fullTextMatch = true;
        return this;
    }

    /** {@code match} on inline text also runs natively without a full-text index (a scan in the database). */
    public SqlCapabilities scanMatch() {
        this.scanMatch = true;
        return this;
    }

    /** {@code contains} on inline text and {@code array_contains} on inline Array run natively. */
    public SqlCapabilities inlineContains() {
        this.inlineContains = true;
        return this;
    }

    /** {@code near} runs natively on Vector, inline and as a vector index. */
    public SqlCapabilities nativeNear() {
        this.nativeNear = true;
        return this;
    }

    /** The table as declared. */
    public CapabilityTable build() {
        CapabilityTable.Builder builder = CapabilityTable.builder()
                .store(Strategy.INLINE_COLUMN, inline, Ops.NULL)
                .store(Strategy.INLINE_COLUMN, comparable, Ops.EQ, Ops.NE, Ops.LT, Ops.LTE, Ops.GT, Ops.GTE, Ops.IN,
                        Ops.NIN, Ops.ORDER)
                .store(Strategy.SIDE_TABLE, Kind.ARRAY, Ops.NULL, Ops.ARRAY_CONTAINS)
                .store(Strategy.SIDE_TABLE, Kind.HYPERG, Ops.NULL);
        if (fullTextMatch) {
            builder.nativeWithFullTextIndex(Strategy.INLINE_COLUMN, TEXT, Ops.MATCH, Ops.SEARCH);
        }
        if (scanMatch) {
            builder.store(Strategy.INLINE_COLUMN, TEXT, Ops.MATCH);
        }
        if (inlineContains) {
            builder.store(Strategy.INLINE_COLUMN, TEXT, Ops.CONTAINS)
                    .store(Strategy.INLINE_COLUMN, Kind.ARRAY, Ops.ARRAY_CONTAINS);
        }
        if (nativeNear) {
            builder.store(Strategy.INLINE_COLUMN, Kind.VECTOR, Ops.NEAR)
                    .store(Strategy.VECTOR_INDEX, Kind.VECTOR, Ops.NULL, Ops.NEAR);
        }
        return builder.build();
    }
}
