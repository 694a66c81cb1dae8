package io.heavenbase.backend.sql;

import io.heavenbase.schema.Names;
import io.heavenbase.spi.support.Chunks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The integer row keys (SQLite's {@code hb_rowid}) of the rows a write is about to store: a stored
 * row keeps its key, a new row gets the next key after the largest one stored, in write order,
 * which is the key SQLite itself would give it. Knowing every key up front lets the full-text
 * entries be written by key instead of looking the key up per entry, and an empty table needs no
 * lookup of stored ids at all.
 */
final class RowKeys {

    private final Set<String> stored;
    private final Map<String, Long> all;

    private RowKeys(Set<String> stored, Map<String, Long> all) {
        this.stored = stored;
        this.all = all;
    }

    /** Looks up which of {@code ids} (distinct) are stored and assigns keys to the others. */
    static RowKeys assign(Connection connection, SqlDialect dialect, SqlTables tables, String keyColumn,
            Collection<String> ids) throws SQLException {
        Long largest = largestKey(connection, dialect, tables, keyColumn);
        Map<String, Long> keys = new HashMap<>(Math.max(16, ids.size() * 4 / 3 + 1));
        if (largest != null) {
            readStoredKeys(connection, dialect, tables, keyColumn, ids, keys);
        }
        Set<String> stored = new HashSet<>(keys.keySet());
        long fresh = ids.size() - stored.size();
        long next = largest == null ? 0 : largest;
        if (next > Long.MAX_VALUE - fresh) {
            // SQLite picks random free keys past the largest possible one: leave the keys to it.
            return new RowKeys(stored, null);
        }
        for (String id : ids) {
            if (!stored.contains(id)) {
                keys.put(id, ++next);
            }
        }
        return new RowKeys(stored, keys);
    }

    /** The ids that were stored before this write. */
    Set<String> stored() {
        return stored;
    }

    /** The key of every id of the write, or null when the keys cannot be assigned up front. */
    Map<String, Long> all() {
        return all;
    }

    private static Long largestKey(Connection connection, SqlDialect dialect, SqlTables tables, String keyColumn)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT max(" + dialect.quote(keyColumn)
                + ") FROM " + tables.qualified(tables.entity())); ResultSet result = statement.executeQuery()) {
            result.next();
            long value = result.getLong(1);
            return result.wasNull() ? null : value;
        }
    }

    private static void readStoredKeys(Connection connection, SqlDialect dialect, SqlTables tables, String keyColumn,
            Collection<String> ids, Map<String, Long> keys) throws SQLException {
        for (List<String> chunk : Chunks.of(ids, dialect.maxIdsPerStatement())) {
            BoundSql sql = new SqlBuilder().append("SELECT " + dialect.quote(Names.OBJECT_ID) + ", "
                    + dialect.quote(keyColumn) + " FROM ").append(tables.qualified(tables.entity())).append(" WHERE ")
                    .append(dialect.idIn(dialect.quote(Names.OBJECT_ID), chunk)).build();
            try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    keys.put(result.getString(1), result.getLong(2));
                }
            }
        }
    }
}
