package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.AutoCommitConnectionSource;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * StarRocks 3.x through MySQL Connector/J. Every table is a primary-key table
 * ({@code PRIMARY KEY (...) DISTRIBUTED BY HASH (...)} after the column list), so a plain INSERT
 * replaces the row with the same key: that is the upsert. Identifiers in backticks; strings compare
 * as UTF-8 bytes (code point order). Paging is {@code LIMIT ? OFFSET ?}. StarRocks has no
 * multi-statement transactions for these writes, so they run in auto-commit
 * ({@link AutoCommitConnectionSource}). {@code match} (its inverted index tokenises differently from
 * TextMatch) and {@code near} run in the engine.
 */
public final class StarRocksDialect extends SqlDialect {

    /** Native operations of the starrocks backend; everything else falls back to the engine. */
    public static final CapabilityTable CAPABILITIES = SqlCapabilities.standard().build();

    private static final String TABLE_KEY = "PRIMARY KEY (";

    /** A dialect for one backend. */
    public StarRocksDialect() {
        super("starrocks", CAPABILITIES, new StarRocksTypeMapping(), IdentifierStyle.backticks(64));
    }

    /** The key column, then the table-level key that {@link #createTable} moves behind the column list. */
    @Override
    public List<String> keyColumns() {
        String id = quote(Names.OBJECT_ID);
        return List.of(id + " " + types().keyType() + " NOT NULL", TABLE_KEY + id + ")");
    }

    /**
     * A primary-key table: the {@code PRIMARY KEY (...)} definition (the entity key, or a side table's
     * owner and position; always the leading columns) goes after the column list, and the leading key
     * column distributes the rows, so a side table keeps an owner's elements together.
     */
    @Override
    public String createTable(String qualifiedTable, List<String> columnDefinitions) {
        List<String> columns = new ArrayList<>();
        String keyColumns = null;
        for (String definition : columnDefinitions) {
            if (definition.startsWith(TABLE_KEY)) {
                keyColumns = definition.substring(TABLE_KEY.length(), definition.length() - 1);
            } else {
                columns.add(definition);
            }
        }
        if (keyColumns == null) {
            throw new IllegalStateException("a StarRocks table needs a primary key: " + qualifiedTable);
        }
        String leading = keyColumns.split(", ")[0];
        return "CREATE TABLE IF NOT EXISTS " + qualifiedTable + " (" + String.join(", ", columns) + ") PRIMARY KEY ("
                + keyColumns + ") DISTRIBUTED BY HASH (" + leading + ")";
    }

    @Override
    public String createIndex(String index, String qualifiedTable, String columnSql) {
        return null;
    }

    /**
     * The column was added meanwhile by another process: MySQL's duplicate-column error 1060, or
     * StarRocks' analyzer message for a column that "already exists in base table".
     */
    @Override
    public boolean isAlreadyExists(SQLException failure) {
        return failure.getErrorCode() == 1060
                || String.valueOf(failure.getMessage()).contains("already exists in base table");
    }

    /** From information_schema, in the configured database or the connection's current one. */
    @Override
    public Set<String> columns(Connection connection, String schema, String table) throws SQLException {
        return columnNames(connection, "SELECT COLUMN_NAME FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?",
                schema, table);
    }

    /** A primary-key table replaces the whole row on INSERT; every column is listed, so none keeps an old value. */
    @Override
    public String upsert(String qualifiedTable, List<String> columns) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(qualifiedTable).append(" (")
                .append(quote(Names.OBJECT_ID));
        for (String column : columns) {
            sql.append(", ").append(quote(column));
        }
        return sql.append(") VALUES (?").append(", ?".repeat(columns.size())).append(")").toString();
    }

    /** MySQL syntax has no OFFSET without LIMIT; "all rows" is the largest BIGINT. */
    @Override
    public BoundSql limitOffset(Integer limit, int offset) {
        SqlBuilder sql = new SqlBuilder();
        if (limit == null && offset <= 0) {
            return sql.build();
        }
        sql.append(" LIMIT ").param(SqlParam.integer(limit == null ? Long.MAX_VALUE : limit));
        if (offset > 0) {
            sql.append(" OFFSET ").param(SqlParam.integer(offset));
        }
        return sql.build();
    }
}
