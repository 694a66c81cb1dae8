package io.heavenbase.backend.sql;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a pushed-down {@link Fragment} into one SELECT over the entity table. Result columns:
 * {@code object_id}, then the score when there is a near, then the requested inline columns in
 * the given order. Filter and candidate restriction are in WHERE, so they apply before a near's
 * top-k cut; ordering puts NULLs last ascending and first descending and breaks ties by object_id.
 * An {@link Fragment#idsOnly ids-only} fragment gets no ORDER BY.
 */
public final class SqlQueryCompiler {

    /** Alias of the entity table in generated queries. */
    public static final String ALIAS = "t";

    private final SqlDialect dialect;
    private final SqlTables tables;
    private final EntityLayout layout;
    private final String backend;

    public SqlQueryCompiler(SqlDialect dialect, SqlTables tables, EntityLayout layout, String backend) {
        this.dialect = dialect;
        this.tables = tables;
        this.layout = layout;
        this.backend = backend;
    }

    /** The SELECT for {@code fragment}; {@code inlineColumns} are read after object_id (and score). */
    public BoundSql select(Fragment fragment, List<StoredField> inlineColumns) {
        NearSpec near = fragment.near();
        String idColumn = column(Names.OBJECT_ID);
        SqlBuilder sql = new SqlBuilder().append("SELECT ").append(idColumn);
        StoredField nearField = near == null ? null : nearField(near);
        if (nearField != null) {
            sql.append(", ").append(dialect.vectorScore().score(column(nearField.name()), near));
        }
        for (StoredField field : inlineColumns) {
            sql.append(", ").append(column(field.name()));
        }
        sql.append(" FROM ").append(tables.qualified(tables.entity())).append(" ").append(ALIAS);

        List<BoundSql> conditions = conditions(fragment, nearField);
        for (int i = 0; i < conditions.size(); i++) {
            sql.append(i == 0 ? " WHERE " : " AND ").append(conditions.get(i));
        }

        if (fragment.idsOnly()) {
            // A candidate set: any order will do, so the database need not sort.
            return sql.build();
        }
        if (nearField != null) {
            // The score by ordinal: an alias could clash with a field of the same name.
            sql.append(" ORDER BY 2 DESC, ").append(dialect.codePointSortKey(idColumn))
                    .append(dialect.limitOffset(near.topK(), 0));
        } else {
            sql.append(" ORDER BY ");
            for (SortKey key : fragment.order()) {
                sql.append(orderKey(key)).append(", ");
            }
            sql.append(dialect.codePointSortKey(idColumn))
                    .append(dialect.limitOffset(fragment.limit(), fragment.offset()));
        }
        return sql.build();
    }

    /**
     * The condition a row must meet to be a candidate of {@code fragment}: its filter, its
     * candidates and, with a near, a non-null vector ({@link SqlDialect#trueCondition} when there is none of
     * these). For a dialect's {@link NearSearch}.
     */
    public BoundSql eligibility(Fragment fragment) {
        List<BoundSql> conditions = conditions(fragment, fragment.near() == null ? null : nearField(fragment.near()));
        SqlBuilder sql = new SqlBuilder();
        for (int i = 0; i < conditions.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(conditions.get(i));
        }
        return conditions.isEmpty() ? BoundSql.of(dialect.trueCondition()) : sql.build();
    }

    /** The stored vector field a near names; rejects a near this backend cannot run. */
    public StoredField nearField(NearSpec near) {
        StoredField field = layout.field(near.field());
        if (field == null || field.dtype().kind() != DType.Kind.VECTOR
                || (dialect.vectorScore() == null && dialect.nearSearch() == null)) {
            throw new UnsupportedCapabilityException(backend, field == null ? null : field.dtype().toString(), "near",
                    "backend '" + backend + "' cannot run near on " + layout.entityId() + "." + near.field());
        }
        return field;
    }

    private List<BoundSql> conditions(Fragment fragment, StoredField nearField) {
        List<BoundSql> conditions = new ArrayList<>();
        if (fragment.filter() != null) {
            conditions.add(new SqlFilterCompiler(dialect, tables, layout, ALIAS, backend).compile(fragment.filter()));
        }
        if (fragment.candidates() != null) {
            conditions.add(fragment.candidates().isEmpty() ? BoundSql.of(dialect.falseCondition())
                    : dialect.idIn(column(Names.OBJECT_ID), fragment.candidates()));
        }
        if (nearField != null) {
            conditions.add(BoundSql.of(column(nearField.name()) + " IS NOT NULL"));
        }
        return conditions;
    }

    private String orderKey(SortKey key) {
        StoredField field = Names.OBJECT_ID.equals(key.field())
                ? new StoredField(Names.OBJECT_ID, DType.IDENTIFIER, Strategy.INLINE_COLUMN)
                : layout.field(key.field());
        if (field == null || field.strategy() != Strategy.INLINE_COLUMN || !field.dtype().kind().isOrdered()) {
            throw new UnsupportedCapabilityException(backend, field == null ? null : field.dtype().toString(), "order",
                    "backend '" + backend + "' cannot order " + layout.entityId() + " by '" + key.field() + "'");
        }
        String column = column(field.name());
        String value = field.dtype().kind().isStringValued() ? dialect.codePointSortKey(column) : column;
        String direction = key.descending() ? " DESC" : " ASC";
        return dialect.nullFlag(column) + direction + ", " + value + direction;
    }

    private String column(String name) {
        return ALIAS + "." + dialect.quote(name);
    }
}
