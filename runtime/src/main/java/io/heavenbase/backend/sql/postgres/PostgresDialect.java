package io.heavenbase.backend.sql.postgres;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.BulkLoader;
import io.heavenbase.backend.sql.FullTextIndex;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlCapabilities;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import io.heavenbase.spi.EntityLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Set;

/**
 * PostgreSQL 12 or newer (tested on 15 and 17). Types in {@link PostgresTypeMapping}; text compares
 * and orders in the {@code "C"} collation (code point order); id sets are one {@code text[]}
 * parameter ({@code = ANY(?)}), a single id {@code = ?}; upserts are {@code INSERT ... ON CONFLICT (object_id) DO UPDATE},
 * many rows at once through {@code COPY} and a staging table ({@link PostgresBulkLoader});
 * {@code match} runs on the words tables of {@link PostgresWordIndex}. Every ensure and drop first
 * takes a transaction-scoped advisory lock for the schema, so processes that register the same
 * entities at the same moment create each table once, one after the other, and creates the
 * configured schema when it is missing.
 */
public class PostgresDialect extends SqlDialect {

    /** Native operations of the postgres backend; {@code near} and {@code contained_in} run in the engine. */
    public static final CapabilityTable CAPABILITIES = capabilities(false);

    private static final String LOCK_NAMESPACE = "heavenbase:";

    private final PostgresTypeMapping types;
    private final FullTextIndex fullText = new PostgresWordIndex(this);
    private final BulkLoader bulkLoader = new PostgresBulkLoader(this);

    /** A dialect for one postgres backend. */
    public PostgresDialect() {
        this("postgres", CAPABILITIES, new PostgresTypeMapping());
    }

    /** A dialect of PostgreSQL under another key (pgvector), with its own table and types. */
    protected PostgresDialect(String type, CapabilityTable capabilities, PostgresTypeMapping types) {
        super(type, capabilities, types);
        this.types = types;
    }

    /** The capability table of postgres, plus native {@code near} on vectors for pgvector. */
    static CapabilityTable capabilities(boolean nativeNear) {
        SqlCapabilities capabilities = SqlCapabilities.standard().fullTextMatch().inlineContains();
        return (nativeNear ? capabilities.nativeNear() : capabilities).build();
    }

    @Override
    public String substringPosition() {
        return "strpos";
    }

    @Override
    public PostgresTypeMapping types() {
        return types;
    }

    @Override
    public FullTextIndex fullText() {
        return fullText;
    }

    /** COPY into a staging table, or multi-row statements ({@link PostgresBulkLoader}). */
    @Override
    public BulkLoader bulkLoader() {
        return bulkLoader;
    }

    @Override
    public String addColumn(String qualifiedTable, String columnDefinition) {
        return "ALTER TABLE " + qualifiedTable + " ADD COLUMN IF NOT EXISTS " + columnDefinition;
    }

    @Override
    public Set<String> columns(Connection connection, String schema, String table) throws SQLException {
        return columnNames(connection, PostgresCatalog.COLUMNS, schema, table);
    }

    /** One {@code text[]} parameter, however many ids; a single id as {@code = ?}. */
    @Override
    public BoundSql idIn(String columnSql, Collection<String> ids) {
        BoundSql single = singleIdEquals(columnSql, ids);
        if (single != null) {
            return single;
        }
        return new SqlBuilder().append(columnSql).append(" = ANY(").param(PostgresParams.textArray(ids)).append(")")
                .build();
    }

    @Override
    public int maxIdsPerStatement() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String codePointOrder(String textSql) {
        return textSql + " COLLATE \"C\"";
    }

    @Override
    public BoundSql arrayContainsInline(String columnSql, DType element, Object value) {
        return new SqlBuilder().param(types.arrayElementParam(element, value)).append(" = ANY(").append(columnSql)
                .append(")").build();
    }

    /**
     * Serialises structure changes per schema with {@code pg_advisory_xact_lock} (released at
     * commit), then creates the schema when it is missing.
     */
    @Override
    public void beforeStructureChange(Connection connection, SqlTables tables, EntityLayout layout)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended(? || COALESCE(?, current_schema()), 0))")) {
            lock.setString(1, LOCK_NAMESPACE);
            lock.setString(2, tables.schema());
            lock.execute();
        }
        if (tables.schema() != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(tables.schema()));
            }
        }
    }
}
