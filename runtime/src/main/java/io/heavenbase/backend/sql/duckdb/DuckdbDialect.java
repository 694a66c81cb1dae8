package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.BulkLoader;
import io.heavenbase.backend.sql.FullTextIndex;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlCapabilities;
import io.heavenbase.backend.sql.IdentifierStyle;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.VectorScore;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.InputLimits;
import io.heavenbase.spi.FilterBudget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;

/**
 * DuckDB (duckdb_jdbc 2.0): typed columns ({@link DuckdbTypeMapping}), inline Arrays as LIST
 * columns with native {@code list_contains}, Vectors as FLOAT[n] with a native {@code near}
 * ({@link DuckdbVectorScore}), {@code match} through {@link DuckdbWordIndex}, every bulk write
 * through the Appender ({@link DuckdbBulkLoader}) and id sets bound as one list parameter. Text
 * compares byte-wise (no collation is set), which is code point order.
 */
public final class DuckdbDialect extends SqlDialect {

    /** DuckDB's planner slows down sharply on very wide conditions; smaller statements are faster in sum. */
    private static final FilterBudget BUDGET = new FilterBudget(200, InputLimits.MAX_FILTER_DEPTH);

    /** Native operations of the duckdb backend; everything else falls back to the engine. */
    public static final CapabilityTable CAPABILITIES = SqlCapabilities.standard()
            .fullTextMatch().inlineContains().nativeNear().build();

    private final FullTextIndex fullText = new DuckdbWordIndex(this);
    private final VectorScore vectorScore = new DuckdbVectorScore();
    private final BulkLoader bulkLoader = new DuckdbBulkLoader(this);

    /** A dialect for one backend. */
    public DuckdbDialect() {
        super("duckdb", CAPABILITIES, new DuckdbTypeMapping(), IdentifierStyle.standard(Integer.MAX_VALUE));
    }

    @Override
    public FullTextIndex fullText() {
        return fullText;
    }

    @Override
    public VectorScore vectorScore() {
        return vectorScore;
    }

    @Override
    public BulkLoader bulkLoader() {
        return bulkLoader;
    }

    /**
     * Columns of the table in the given schema (the current one when null) of the current database
     * only, from {@code duckdb_columns()} (a few times faster than information_schema).
     */
    @Override
    public Set<String> columns(Connection connection, String schema, String table) throws SQLException {
        return columnNames(connection, "SELECT column_name FROM duckdb_columns() "
                + "WHERE database_name = current_database() AND schema_name = COALESCE(?, current_schema()) "
                + "AND table_name = ? ORDER BY column_index",
                schema, table);
    }

    /**
     * No secondary index on side-table values: DuckDB scans a column faster than it maintains an
     * ART index over it during bulk loads, and array_contains reads the side table by owner anyway.
     */
    @Override
    public String createIndex(String index, String qualifiedTable, String columnSql) {
        return null;
    }

    /** One VARCHAR[] parameter, however many ids; a single id as {@code = ?} (a plain key lookup). */
    @Override
    public BoundSql idIn(String columnSql, Collection<String> ids) {
        BoundSql single = singleIdEquals(columnSql, ids);
        if (single != null) {
            return single;
        }
        return new SqlBuilder().append(columnSql).append(" IN (SELECT unnest(CAST(")
                .param(DuckdbParam.list(new ArrayList<>(ids), "VARCHAR")).append(" AS VARCHAR[])))").build();
    }

    /**
     * DuckDB plans every statement on {@code prepareStatement} (as much as running a point read)
     * and its driver keeps none; its {@link DuckdbConnectionSource} owns its reader connections for
     * life and lends each to one caller at a time.
     */
    @Override
    public boolean cachesStatements() {
        return true;
    }

    @Override
    public FilterBudget filterBudget() {
        return BUDGET;
    }

    @Override
    public int maxIdsPerStatement() {
        return Integer.MAX_VALUE;
    }

    /**
     * {@code list_contains} with an operand of the element's own type. Numbers of the other numeric
     * type are converted only when that is exact: a fractional number is in no Integer list and a
     * 64-bit integer that no double equals is in no Float list, so those are false outright.
     */
    @Override
    public BoundSql arrayContainsInline(String columnSql, DType element, Object value) {
        Object operand = value;
        if (element.kind() == Kind.INTEGER && (value instanceof Double || value instanceof Float)) {
            double number = ((Number) value).doubleValue();
            if (number != Math.rint(number) || number < -0x1p63 || number >= 0x1p63) {
                return BoundSql.of(falseCondition());
            }
            operand = (long) number;
        } else if (element.kind() == Kind.FLOAT && value instanceof Long) {
            long number = (Long) value;
            double converted = number;
            if (converted >= 0x1p63 || (long) converted != number) {
                return BoundSql.of(falseCondition());
            }
            operand = converted;
        }
        return new SqlBuilder().append("list_contains(").append(columnSql).append(", ")
                .param(types().param(element, operand)).append(")").build();
    }
}
