package io.heavenbase.backend.sql;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.FilterBudget;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Everything that differs between SQL databases, with ANSI/PostgreSQL-flavoured defaults. One
 * subclass per backend key; the generic {@link SqlBackend} composes statements from these pieces and
 * never writes dialect-specific SQL itself. Identifiers passed in have passed
 * {@link io.heavenbase.schema.Names}; values are always bound parameters.
 */
public abstract class SqlDialect {

    private final String type;
    private final CapabilityTable capabilities;
    private final SqlTypeMapping types;
    private final IdentifierStyle identifiers;

    /** A dialect with standard double-quoted names of up to 63 characters. */
    protected SqlDialect(String type, CapabilityTable capabilities, SqlTypeMapping types) {
        this(type, capabilities, types, IdentifierStyle.STANDARD);
    }

    /**
     * @param type the backend key, e.g. {@code sqlite}
     * @param capabilities what this dialect runs natively; the provider publishes the same table
     * @param types the column types and value conversions
     * @param identifiers how names are quoted and how long they may be
     */
    protected SqlDialect(String type, CapabilityTable capabilities, SqlTypeMapping types,
            IdentifierStyle identifiers) {
        this.type = type;
        this.capabilities = capabilities;
        this.types = types;
        this.identifiers = identifiers;
    }

    /** The backend key, e.g. {@code sqlite}. */
    public final String type() {
        return type;
    }

    /** What this dialect runs natively; the provider publishes the same table. */
    public final CapabilityTable capabilities() {
        return capabilities;
    }

    /** The column types and value conversions of this dialect. */
    public SqlTypeMapping types() {
        return types;
    }

    /** The native full-text index, or null when {@code match} is never native here. */
    public FullTextIndex fullText() {
        return null;
    }

    /**
     * A condition on the text expression {@code columnSql} that holds exactly when
     * {@link io.heavenbase.query.TextMatch#matches} would accept it for a query with these
     * {@code words} (non-empty, as produced by {@link io.heavenbase.query.TextMatch#words}),
     * evaluated row by row without an index; null (the default) when the dialect cannot express the
     * word rule exactly, so {@code match} on a field without full-text index runs in the engine.
     * A dialect returning non-null declares {@code match} native in its capability table.
     */
    public BoundSql matchScan(String columnSql, List<String> words) {
        return null;
    }

    /** The native similarity expression, or null when {@code near} is never native here. */
    public VectorScore vectorScore() {
        return null;
    }

    /** The bulk write path, or null to write rows with JDBC batches. */
    public BulkLoader bulkLoader() {
        return null;
    }

    /**
     * The dialect's own execution of {@code near}, or null for one SELECT ordered by
     * {@link #vectorScore()}. When set, it is used instead of the score expression.
     */
    public NearSearch nearSearch() {
        return null;
    }

    /**
     * Called first inside the transaction of every ensure and drop, before any DDL. A dialect for a
     * server that several processes share takes a lock here, so that processes changing the same
     * tables at the same moment run one after the other, creates what the tables live in and rejects
     * fields the database cannot hold.
     */
    public void beforeStructureChange(Connection connection, SqlTables tables, EntityLayout layout)
            throws SQLException {
    }

    /** Called last inside ensure, once every table and full-text index exists: dialect-specific indexes. */
    public void afterEnsure(Connection connection, SqlTables tables, EntityLayout layout) throws SQLException {
    }

    /**
     * Whether a failed ADD COLUMN or CREATE INDEX only found the column or index already there
     * (created meanwhile by another process, or a database without {@code IF NOT EXISTS} for it),
     * so ensure can go on.
     */
    public boolean isAlreadyExists(SQLException failure) {
        return false;
    }

    /**
     * The column as it appears in a secondary index; a dialect that cannot index a long text
     * column whole returns a prefix of it here.
     */
    public String indexedColumn(String quotedColumn, DType dtype) {
        return quotedColumn;
    }

    /** A quoted identifier (by default {@code "name"} with inner quotes doubled). */
    public final String quote(String identifier) {
        return identifiers.quote(identifier);
    }

    /** Longest identifier the database keeps without truncating (by default PostgreSQL's 63 bytes). */
    public final int maxIdentifierLength() {
        return identifiers.maxLength();
    }

    /**
     * The name itself when it fits, otherwise a deterministic shortening that ends with a hash of
     * the full name, so distinct long names stay distinct.
     */
    public String fitIdentifier(String name) {
        int max = maxIdentifierLength();
        if (name.getBytes(StandardCharsets.UTF_8).length <= max) {
            return name;
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        String suffix = String.format("_%08x", crc.getValue());
        return name.substring(0, max - suffix.length()) + suffix;
    }

    /**
     * Column names the dialect uses itself in entity tables besides {@code object_id}; a field with
     * one of these names (case-insensitively) is rejected at ensure.
     */
    public Set<String> reservedColumns() {
        return Set.of();
    }

    /** Column definitions of the key column(s) of an entity table. */
    public List<String> keyColumns() {
        return List.of(quote("object_id") + " " + types().keyType() + " PRIMARY KEY");
    }

    /**
     * The statement creating an entity table with {@link #keyColumns()} and the field columns.
     * {@code fullTextKeyed} tells whether a full-text index of the entity needs the table's
     * {@link FullTextIndex#rowKeyColumn()}; a dialect may pick a cheaper layout when it does not.
     */
    public String createEntityTable(String qualifiedTable, List<String> fieldDefinitions, boolean fullTextKeyed) {
        List<String> definitions = new ArrayList<>(keyColumns());
        definitions.addAll(fieldDefinitions);
        return createTable(qualifiedTable, definitions);
    }

    public String createTable(String qualifiedTable, List<String> columnDefinitions) {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedTable + " (" + String.join(", ", columnDefinitions) + ")";
    }

    public String addColumn(String qualifiedTable, String columnDefinition) {
        return "ALTER TABLE " + qualifiedTable + " ADD COLUMN " + columnDefinition;
    }

    /** The statement creating a secondary index, or null when the dialect keeps none (the index only speeds reads). */
    public String createIndex(String index, String qualifiedTable, String columnSql) {
        return "CREATE INDEX IF NOT EXISTS " + quote(index) + " ON " + qualifiedTable + " (" + columnSql + ")";
    }

    public String dropTable(String qualifiedTable) {
        return "DROP TABLE IF EXISTS " + qualifiedTable;
    }

    /** The column names of a table as the database reports them; empty when it does not exist. */
    public Set<String> columns(Connection connection, String schema, String table) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getColumns(null, schema, table, null)) {
            while (rows.next()) {
                if (table.equals(rows.getString("TABLE_NAME"))) {
                    out.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return out;
    }

    /**
     * The column names a catalog query returns in its first column; the query takes the schema (null for the
     * connection's current one, as the query decides) and the table as its two parameters.
     */
    protected static Set<String> columnNames(Connection connection, String sql, String schema, String table)
            throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            SqlParam.text(schema).bind(statement, 1);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The type name the driver reports for each column of an existing table, by lower-case column name, read
     * from the metadata of an empty result.
     */
    public Map<String, String> columnTypes(Connection connection, String qualifiedTable) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + qualifiedTable + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                out.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnTypeName(i));
            }
        }
        return out;
    }

    /**
     * Insert-or-update of one entity row: parameters are {@code object_id} then {@code columns}
     * in order; an existing row gets every listed column replaced.
     */
    public String upsert(String qualifiedTable, List<String> columns) {
        return upsert(qualifiedTable, columns, 1);
    }

    /**
     * Rows per multi-row {@code INSERT ... VALUES (...), (...)} the writer sends when it writes many
     * rows without a {@link #bulkLoader()}; 1 (the default) sends one row per statement in JDBC
     * batches. A dialect returning more implements {@link #upsert(String, List, int)}.
     */
    public int rowsPerInsert() {
        return 1;
    }

    /** {@link #upsert(String, List)} of {@code rowCount} rows in one statement, their parameters one row after another. */
    public String upsert(String qualifiedTable, List<String> columns, int rowCount) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(qualifiedTable).append(" (")
                .append(quote("object_id"));
        for (String column : columns) {
            sql.append(", ").append(quote(column));
        }
        sql.append(") VALUES ").append(MultiRowInsert.values(columns.size() + 1, rowCount)).append(" ON CONFLICT (")
                .append(quote("object_id")).append(')');
        if (columns.isEmpty()) {
            return sql.append(" DO NOTHING").toString();
        }
        sql.append(" DO UPDATE SET ");
        for (int i = 0; i < columns.size(); i++) {
            String column = quote(columns.get(i));
            sql.append(i == 0 ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
        }
        return sql.toString();
    }

    public String trueCondition() {
        return "1=1";
    }

    public String falseCondition() {
        return "1=0";
    }

    /** {@code columnSql IN ids}; ids are never empty. */
    public BoundSql idIn(String columnSql, Collection<String> ids) {
        SqlBuilder sql = new SqlBuilder().append(columnSql).append(" IN (");
        boolean first = true;
        for (String id : ids) {
            sql.append(first ? "" : ", ").param(SqlParam.text(id));
            first = false;
        }
        return sql.append(")").build();
    }

    /**
     * Whether read statements should be kept prepared per connection ({@link StatementCache}): true
     * only for embedded databases whose driver compiles every statement natively and whose
     * {@link ConnectionSource} owns its connections for life. False by default (server drivers and
     * pools cache or close statements themselves).
     */
    public boolean cachesStatements() {
        return false;
    }

    /**
     * {@code columnSql = ?} when {@code ids} holds exactly one id, else null: the common single-row read as a plain key
     * lookup, which planners handle better than an array or JSON parameter. For dialects whose {@link #idIn} binds
     * all ids as one collection parameter.
     */
    protected static BoundSql singleIdEquals(String columnSql, Collection<String> ids) {
        return ids.size() == 1 ? BoundSql.of(columnSql + " = ?", SqlParam.text(ids.iterator().next())) : null;
    }

    /**
     * The largest filter one statement carries (see {@link FilterBudget}); the engine splits bigger
     * ones. The default keeps every dialect far below its parameter limit.
     */
    public FilterBudget filterBudget() {
        return FilterBudget.DEFAULT;
    }

    /** How many ids {@link #idIn} may carry in one statement; larger sets are split by callers. */
    public int maxIdsPerStatement() {
        return 1000;
    }

    /**
     * The SQL function {@code f(text, part)} giving the 1-based position of {@code part} in
     * {@code text} (0 when absent, 1 for an empty part), compared case-sensitively: {@code instr}
     * (SQLite, DuckDB) by default. Used by {@code contains} on dialects whose capability table
     * marks it native.
     */
    public String substringPosition() {
        return "instr";
    }

    /** A text expression compared and ordered by Unicode code point (a binary UTF-8 collation). */
    public String codePointOrder(String textSql) {
        return textSql;
    }

    /**
     * The ORDER BY key of a text expression in code point order; by default
     * {@link #codePointOrder}. A dialect whose comparisons are already binary but whose sort order
     * depends on session settings (Oracle's NLS_SORT) overrides only this.
     */
    public String codePointSortKey(String textSql) {
        return codePointOrder(textSql);
    }

    /** A sort key that is 1 for NULL and 0 otherwise, so NULLs can be put last or first portably. */
    public String nullFlag(String columnSql) {
        return "CASE WHEN " + columnSql + " IS NULL THEN 1 ELSE 0 END";
    }

    /**
     * A condition that holds when the inline Array column {@code columnSql} (never null there)
     * contains {@code value}, a canonical value of {@code element}.
     */
    public BoundSql arrayContainsInline(String columnSql, DType element, Object value) {
        throw new UnsupportedOperationException(type() + " has no native array_contains on inline arrays");
    }

    /** The paging clause with bound values; {@code limit} null means unlimited. */
    public BoundSql limitOffset(Integer limit, int offset) {
        SqlBuilder sql = new SqlBuilder();
        if (limit != null) {
            sql.append(" LIMIT ").param(SqlParam.integer(limit));
        }
        if (offset > 0) {
            sql.append(" OFFSET ").param(SqlParam.integer(offset));
        }
        return sql.build();
    }

    /**
     * A query that returns one row when the table {@code qualifiedTable} (already quoted) has any
     * row, and none when it is empty.
     */
    public String anyRow(String qualifiedTable) {
        return "SELECT 1 FROM " + qualifiedTable + " LIMIT 1";
    }

    /** A cheap statement that proves the connection works. */
    public String ping() {
        return "SELECT 1";
    }
}
