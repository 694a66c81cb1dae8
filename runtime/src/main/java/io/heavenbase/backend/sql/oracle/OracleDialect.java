package io.heavenbase.backend.sql.oracle;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlCapabilities;
import io.heavenbase.backend.sql.IdentifierStyle;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Names;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Oracle Database 12.2 or later through ojdbc11. Quoted identifiers keep their exact (lower) case
 * and may be 128 bytes long. Text compares as bytes under the default {@code NLS_COMP=BINARY};
 * ordering uses {@code NLSSORT(..., 'NLS_SORT=BINARY')} explicitly because the session's NLS_SORT
 * follows the client's locale. DDL runs in PL/SQL blocks that ignore "already exists" (ORA-00955)
 * and "does not exist" (ORA-00942), since IF [NOT] EXISTS needs 23ai. Upsert is a MERGE inside a
 * PL/SQL block whose variables take the column types, so CLOB and BLOB values of any size bind
 * (a plain {@code USING (SELECT ? ... FROM dual)} fails above 4000 bytes). Paging is
 * {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}. The empty string is kept distinct from NULL
 * through {@link OracleTypeMapping}'s marker. {@code match} (Oracle Text tokenises differently from
 * TextMatch) and {@code near} run in the engine.
 */
public final class OracleDialect extends SqlDialect {

    private static final Set<Kind> COMPARABLE = EnumSet.of(Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.CATEGORICAL,
            Kind.INTEGER, Kind.FLOAT, Kind.BOOLEAN, Kind.TIMESTAMP, Kind.DATE);

    /** Native operations of the oracle backend; MediumText and LongText (CLOB) compare in the engine. */
    public static final CapabilityTable CAPABILITIES = SqlCapabilities.standard().comparableKinds(COMPARABLE).build();

    private static final int ALREADY_EXISTS = -955;
    private static final int DOES_NOT_EXIST = -942;

    /** A dialect for one backend. */
    public OracleDialect() {
        super("oracle", CAPABILITIES, new OracleTypeMapping(), IdentifierStyle.standard(128));
    }

    @Override
    public String createTable(String qualifiedTable, List<String> columnDefinitions) {
        return ignoring(ALREADY_EXISTS,
                "CREATE TABLE " + qualifiedTable + " (" + String.join(", ", columnDefinitions) + ")");
    }

    @Override
    public String addColumn(String qualifiedTable, String columnDefinition) {
        return "ALTER TABLE " + qualifiedTable + " ADD (" + columnDefinition + ")";
    }

    /** ORA-01430: the column was added meanwhile (by another process ensuring the same entity). */
    @Override
    public boolean isAlreadyExists(SQLException failure) {
        return failure.getErrorCode() == 1430;
    }

    /**
     * No index on side-table values: a MediumText or LongText element is a CLOB, which a B-tree
     * cannot index. array_contains probes the side table's primary key by owner instead.
     */
    @Override
    public String createIndex(String index, String qualifiedTable, String columnSql) {
        return null;
    }

    /** PURGE: test and dropped tables do not pile up in the recycle bin. */
    @Override
    public String dropTable(String qualifiedTable) {
        return ignoring(DOES_NOT_EXIST, "DROP TABLE " + qualifiedTable + " PURGE");
    }

    /** Looks in the session's current schema when none is configured, never in every schema. */
    @Override
    public Set<String> columns(Connection connection, String schema, String table) throws SQLException {
        return super.columns(connection, schema == null ? connection.getSchema() : schema, table);
    }

    /**
     * A PL/SQL block: {@code hb$0} takes the key, {@code hb$1...} the columns, each declared with
     * its column's type ({@code %TYPE}). Field names cannot contain '$', so no column can capture
     * a variable's name inside the MERGE.
     */
    @Override
    public String upsert(String qualifiedTable, List<String> columns) {
        String id = quote(Names.OBJECT_ID);
        StringBuilder sql = new StringBuilder("DECLARE hb$0 ").append(qualifiedTable).append('.').append(id)
                .append("%TYPE := ?;");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(" hb$").append(i + 1).append(' ').append(qualifiedTable).append('.')
                    .append(quote(columns.get(i))).append("%TYPE := ?;");
        }
        sql.append(" BEGIN MERGE INTO ").append(qualifiedTable).append(" d USING (SELECT hb$0 AS ").append(id)
                .append(" FROM dual) s ON (d.").append(id).append(" = s.").append(id).append(")");
        StringBuilder names = new StringBuilder(id);
        StringBuilder values = new StringBuilder("hb$0");
        for (int i = 0; i < columns.size(); i++) {
            String quoted = quote(columns.get(i));
            sql.append(i == 0 ? " WHEN MATCHED THEN UPDATE SET " : ", ").append("d.").append(quoted).append(" = hb$")
                    .append(i + 1);
            names.append(", ").append(quoted);
            values.append(", hb$").append(i + 1);
        }
        return sql.append(" WHEN NOT MATCHED THEN INSERT (").append(names).append(") VALUES (").append(values)
                .append("); END;").toString();
    }

    /** Oracle allows at most 1000 expressions in an IN list (ORA-01795). */
    @Override
    public int maxIdsPerStatement() {
        return 1000;
    }

    /** Binary order whatever NLS_SORT the session inherited from the client locale. */
    @Override
    public String codePointSortKey(String textSql) {
        return "NLSSORT(" + textSql + ", 'NLS_SORT=BINARY')";
    }

    @Override
    public String anyRow(String qualifiedTable) {
        return "SELECT 1 FROM " + qualifiedTable + " FETCH FIRST 1 ROWS ONLY";
    }

    @Override
    public BoundSql limitOffset(Integer limit, int offset) {
        SqlBuilder sql = new SqlBuilder();
        if (offset > 0) {
            sql.append(" OFFSET ").param(SqlParam.integer(offset)).append(" ROWS");
        }
        if (limit != null) {
            sql.append(" FETCH NEXT ").param(SqlParam.integer(limit)).append(" ROWS ONLY");
        }
        return sql.build();
    }

    @Override
    public String ping() {
        return "SELECT 1 FROM dual";
    }

    /** {@code ddl} run so that the ORA error {@code sqlCode} (negative) is ignored and any other raised. */
    private static String ignoring(int sqlCode, String ddl) {
        return "BEGIN EXECUTE IMMEDIATE '" + ddl.replace("'", "''") + "'; EXCEPTION WHEN OTHERS THEN IF SQLCODE <> "
                + sqlCode + " THEN RAISE; END IF; END;";
    }
}
