package io.heavenbase.backend.sql;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The DDL column type of each logical kind, as a table: a {@link SqlTypeMapping} states its types group by group
 * (text, integer, ...) and overrides single kinds where it differs, instead of a switch of its own. The table also
 * names the two structural column types: the {@code object_id} key and a SideTable field's element count.
 */
public final class SqlColumnTypes {

    private final Map<Kind, Function<DType, String>> byKind;
    private final Function<DType, String> otherwise;
    private final String key;
    private final String count;

    private SqlColumnTypes(Builder builder) {
        this.byKind = new EnumMap<>(builder.byKind);
        this.otherwise = builder.otherwise;
        this.key = builder.key;
        this.count = builder.count;
    }

    /** An empty table: every kind falls to {@link Builder#otherwise}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The column type of {@code dtype}. */
    public String of(DType dtype) {
        return byKind.getOrDefault(dtype.kind(), otherwise).apply(dtype);
    }

    /** The type of the {@code object_id} key column. */
    public String key() {
        return key;
    }

    /** The type of an entity column holding the element count of a SideTable field. */
    public String count() {
        return count;
    }

    /** Declares the types; a later declaration of a kind replaces an earlier one. */
    public static final class Builder {
        private final Map<Kind, Function<DType, String>> byKind = new EnumMap<>(Kind.class);
        private Function<DType, String> otherwise = dtype -> {
            throw new IllegalStateException("no column type for " + dtype.kind());
        };
        private String key = "VARCHAR(63)";
        private String count = "INTEGER";

        private Builder() {
        }

        /** The {@code object_id} key column ({@code VARCHAR(63)} unless declared). */
        public Builder key(String type) {
            this.key = type;
            return this;
        }

        /** A SideTable field's element count column ({@code INTEGER} unless declared). */
        public Builder count(String type) {
            this.count = type;
            return this;
        }

        /** The type of every kind not declared otherwise (Vector and Artifact, typically binary). */
        public Builder otherwise(String type) {
            return otherwise(dtype -> type);
        }

        /** The type of every kind not declared otherwise, from the dtype. */
        public Builder otherwise(Function<DType, String> type) {
            this.otherwise = type;
            return this;
        }

        /** The text kinds: Identifier, ShortText, MediumText, LongText and Categorical. */
        public Builder text(String type) {
            return text(dtype -> type);
        }

        /** The text kinds (see {@link #text(String)}), from the dtype (its length). */
        public Builder text(Function<DType, String> type) {
            return kinds(type, Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.MEDIUM_TEXT, Kind.LONG_TEXT, Kind.CATEGORICAL);
        }

        /** Integer and Timestamp (epoch milliseconds). */
        public Builder integer(String type) {
            return kinds(dtype -> type, Kind.INTEGER, Kind.TIMESTAMP);
        }

        /** Float. */
        public Builder floating(String type) {
            return kinds(dtype -> type, Kind.FLOAT);
        }

        /** Boolean. */
        public Builder bool(String type) {
            return kinds(dtype -> type, Kind.BOOLEAN);
        }

        /** Date (ISO text where the database has no date type that orders the same). */
        public Builder date(String type) {
            return kinds(dtype -> type, Kind.DATE);
        }

        /** The kinds stored as JSON text: inline Array, Json and HyperG. */
        public Builder structured(String type) {
            return structured(dtype -> type);
        }

        /** The kinds stored as JSON text (see {@link #structured(String)}), from the dtype. */
        public Builder structured(Function<DType, String> type) {
            return kinds(type, Kind.ARRAY, Kind.JSON, Kind.HYPERG);
        }

        /** These kinds, whatever a group said. */
        public Builder kinds(String type, Kind... kinds) {
            return kinds(dtype -> type, kinds);
        }

        /** These kinds, from the dtype, whatever a group said. */
        public Builder kinds(Function<DType, String> type, Kind... kinds) {
            for (Kind kind : kinds) {
                byKind.put(kind, type);
            }
            return this;
        }

        /** The table as declared. */
        public SqlColumnTypes build() {
            return new SqlColumnTypes(this);
        }
    }
}
