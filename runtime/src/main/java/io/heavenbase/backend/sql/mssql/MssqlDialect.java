package io.heavenbase.backend.sql.mssql;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlCapabilities;
import io.heavenbase.backend.sql.IdentifierStyle;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.Names;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Microsoft SQL Server 2019 or later (and Azure SQL) through mssql-jdbc. Identifiers in brackets;
 * compared text in the UTF-8 binary collation (see {@link MssqlTypeMapping}); a table is created
 * only when {@code OBJECT_ID} does not know it (no {@code IF NOT EXISTS} for tables); upsert is one
 * {@code MERGE ... WITH (HOLDLOCK)} per row, so two writers of the same new id cannot both insert;
 * paging is {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY} after the ORDER BY every query has.
 * {@code match} (a full-text catalog tokenises differently from TextMatch) and {@code near} run in
 * the engine.
 */
public final class MssqlDialect extends SqlDialect {

    /** Native operations of the mssql backend; everything else falls back to the engine. */
    public static final CapabilityTable CAPABILITIES = SqlCapabilities.standard().build();

    /** A dialect for one backend. */
    public MssqlDialect() {
        super("mssql", CAPABILITIES, new MssqlTypeMapping(), new IdentifierStyle('[', ']', 128));
    }

    @Override
    public String createTable(String qualifiedTable, List<String> columnDefinitions) {
        return "IF OBJECT_ID(N'" + qualifiedTable.replace("'", "''") + "', N'U') IS NULL CREATE TABLE "
                + qualifiedTable + " (" + String.join(", ", columnDefinitions) + ")";
    }

    @Override
    public String addColumn(String qualifiedTable, String columnDefinition) {
        return "ALTER TABLE " + qualifiedTable + " ADD " + columnDefinition;
    }

    /** Error 2705: the column was added meanwhile (by another process ensuring the same entity). */
    @Override
    public boolean isAlreadyExists(SQLException failure) {
        return failure.getErrorCode() == 2705;
    }

    /**
     * No index on side-table values: a long text element type is VARCHAR(MAX), which cannot be an
     * index key. array_contains probes the side table's primary key by owner instead.
     */
    @Override
    public String createIndex(String index, String qualifiedTable, String columnSql) {
        return null;
    }

    /** Looks in the connection's default schema when none is configured, never in every schema. */
    @Override
    public Set<String> columns(Connection connection, String schema, String table) throws SQLException {
        return super.columns(connection, schema == null ? connection.getSchema() : schema, table);
    }

    /**
     * The key is converted into the key column's collation in the source row, so the join on it
     * compares like with like and can seek the primary key.
     */
    @Override
    public String upsert(String qualifiedTable, List<String> columns) {
        String id = quote(Names.OBJECT_ID);
        StringBuilder names = new StringBuilder(id);
        StringBuilder sourceValues = new StringBuilder("s." + id);
        StringBuilder assignments = new StringBuilder();
        for (String column : columns) {
            String quoted = quote(column);
            names.append(", ").append(quoted);
            sourceValues.append(", s.").append(quoted);
            assignments.append(assignments.length() == 0 ? "" : ", ").append("d.").append(quoted).append(" = s.")
                    .append(quoted);
        }
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(qualifiedTable)
                .append(" WITH (HOLDLOCK) AS d USING (VALUES (").append(MssqlTypeMapping.CODE_POINT_TEXT)
                .append(", ?".repeat(columns.size())).append(")) AS s (").append(names).append(") ON d.").append(id)
                .append(" = s.").append(id);
        if (!columns.isEmpty()) {
            sql.append(" WHEN MATCHED THEN UPDATE SET ").append(assignments);
        }
        return sql.append(" WHEN NOT MATCHED THEN INSERT (").append(names).append(") VALUES (").append(sourceValues)
                .append(");").toString();
    }

    @Override
    public BoundSql idIn(String columnSql, Collection<String> ids) {
        SqlBuilder sql = new SqlBuilder().append(columnSql).append(" IN (");
        boolean first = true;
        for (String id : ids) {
            sql.append(first ? "" : ", ").param(MssqlTypeMapping.codePointText(id));
            first = false;
        }
        return sql.append(")").build();
    }

    @Override
    public String anyRow(String qualifiedTable) {
        return "SELECT TOP 1 1 FROM " + qualifiedTable;
    }

    /** Every query has an ORDER BY, which OFFSET ... FETCH requires. */
    @Override
    public BoundSql limitOffset(Integer limit, int offset) {
        SqlBuilder sql = new SqlBuilder();
        if (limit == null && offset <= 0) {
            return sql.build();
        }
        sql.append(" OFFSET ").param(SqlParam.integer(Math.max(offset, 0))).append(" ROWS");
        if (limit != null) {
            sql.append(" FETCH NEXT ").param(SqlParam.integer(limit)).append(" ROWS ONLY");
        }
        return sql.build();
    }
}
