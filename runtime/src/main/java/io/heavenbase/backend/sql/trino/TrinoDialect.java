package io.heavenbase.backend.sql.trino;

import io.heavenbase.backend.sql.AutoCommitConnectionSource;
import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.MultiRowInsert;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlCapabilities;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.InputLimits;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.FilterBudget;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trino through trino-jdbc, on a catalog whose connector supports CREATE TABLE, MERGE and DELETE
 * (Iceberg or Delta Lake; the catalog and schema come from the URL or {@code schema}). Trino keeps
 * no primary keys or secondary indexes, so tables declare neither and {@code object_id} stays
 * unique because every write is a MERGE on it. Identifiers are folded to lower case by Trino
 * (names that differ only in case are already rejected by the family). Paging is
 * {@code OFFSET ? LIMIT ?}. Writes run in auto-commit ({@link AutoCommitConnectionSource}): Trino
 * connectors do not join writes into one transaction. {@code match} and {@code near} run in the
 * engine.
 */
public final class TrinoDialect extends SqlDialect {

    /** Native operations of the trino backend; everything else falls back to the engine. */
    public static final CapabilityTable CAPABILITIES = SqlCapabilities.standard().build();

    /**
     * Trino plans wide and/or trees slowly and with much memory (a 5,000-part OR exhausts a 1 GB
     * coordinator) but takes long in-lists well (10,000 values in about a second on 2 cores), and each
     * statement costs a round of scheduling: at most 500 terms, and lists of up to 10,000 values.
     */
    private static final FilterBudget BUDGET = new FilterBudget(500, InputLimits.MAX_FILTER_DEPTH)
            .withListValues(10_000);

    private static final String TABLE_KEY = "PRIMARY KEY (";

    /** A dialect for one backend. */
    public TrinoDialect() {
        super("trino", CAPABILITIES, new TrinoTypeMapping());
    }

    @Override
    public FilterBudget filterBudget() {
        return BUDGET;
    }

    @Override
    public List<String> keyColumns() {
        return List.of(quote(Names.OBJECT_ID) + " " + types().keyType() + " NOT NULL");
    }

    /** Table-level primary keys (side tables declare one) are left out: Trino has no constraints. */
    @Override
    public String createTable(String qualifiedTable, List<String> columnDefinitions) {
        List<String> columns = columnDefinitions.stream().filter(definition -> !definition.startsWith(TABLE_KEY))
                .toList();
        return super.createTable(qualifiedTable, columns);
    }

    @Override
    public String createIndex(String index, String qualifiedTable, String columnSql) {
        return null;
    }

    /** Trino's COLUMN_ALREADY_EXISTS: the column was added meanwhile by another process. */
    @Override
    public boolean isAlreadyExists(SQLException failure) {
        return String.valueOf(failure.getMessage()).matches("(?s).*Column '[^']*' already exists.*");
    }

    /** Column names as Trino stores them (lower case), from the connection's catalog and schema. */
    @Override
    public Set<String> columns(Connection connection, String schema, String table) throws SQLException {
        String wantedSchema = schema == null ? connection.getSchema() : schema.toLowerCase(Locale.ROOT);
        String wantedTable = table.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getColumns(connection.getCatalog(), wantedSchema, wantedTable, null)) {
            while (rows.next()) {
                if (wantedTable.equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
                    out.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return out;
    }

    /**
     * Many rows go in one MERGE: Trino plans and commits each statement slowly (hundreds of ms on
     * Iceberg), so a statement per row makes registering an entity take tens of seconds.
     */
    @Override
    public int rowsPerInsert() {
        return 100;
    }

    /**
     * {@code MERGE INTO t d USING (SELECT ? AS c, ...) s ON ...} for one row, {@code USING (VALUES (?, ...),
     * ...) s (c, ...)} for several.
     */
    @Override
    public String upsert(String qualifiedTable, List<String> columns, int rowCount) {
        String id = quote(Names.OBJECT_ID);
        StringBuilder source = new StringBuilder(rowCount == 1 ? "SELECT ? AS " + id : "");
        StringBuilder names = new StringBuilder(id);
        StringBuilder values = new StringBuilder("s." + id);
        StringBuilder assignments = new StringBuilder();
        for (String column : columns) {
            String quoted = quote(column);
            if (rowCount == 1) {
                source.append(", ? AS ").append(quoted);
            }
            names.append(", ").append(quoted);
            values.append(", s.").append(quoted);
            assignments.append(assignments.length() == 0 ? "" : ", ").append(quoted).append(" = s.").append(quoted);
        }
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(qualifiedTable).append(" d USING (");
        if (rowCount == 1) {
            sql.append(source).append(") s");
        } else {
            sql.append("VALUES ").append(MultiRowInsert.values(columns.size() + 1, rowCount)).append(") s (")
                    .append(names).append(")");
        }
        sql.append(" ON (d.").append(id).append(" = s.").append(id).append(")");
        if (!columns.isEmpty()) {
            sql.append(" WHEN MATCHED THEN UPDATE SET ").append(assignments);
        }
        return sql.append(" WHEN NOT MATCHED THEN INSERT (").append(names).append(") VALUES (").append(values)
                .append(")").toString();
    }

    /** Trino's order: {@code OFFSET} before {@code LIMIT}. */
    @Override
    public BoundSql limitOffset(Integer limit, int offset) {
        SqlBuilder sql = new SqlBuilder();
        if (offset > 0) {
            sql.append(" OFFSET ").param(SqlParam.integer(offset));
        }
        if (limit != null) {
            sql.append(" LIMIT ").param(SqlParam.integer(limit));
        }
        return sql.build();
    }
}
