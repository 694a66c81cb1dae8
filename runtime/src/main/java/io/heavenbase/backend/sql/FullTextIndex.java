package io.heavenbase.backend.sql;

import io.heavenbase.spi.StoredField;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dialect's native full-text index for {@code match} on one text field, kept in the same
 * transaction as the entity rows. Implementations must answer exactly like
 * {@link io.heavenbase.query.TextMatch#matches}.
 */
public interface FullTextIndex {

    /** Creates the index for the field if missing and indexes the rows already stored. */
    void ensure(Connection connection, SqlTables tables, StoredField field) throws SQLException;

    /** Drops the index of the field and everything it holds; does nothing when there is none. */
    void drop(Connection connection, SqlTables tables, StoredField field) throws SQLException;

    /**
     * Removes the indexes these text fields may have from earlier, because their full-text switch
     * is off: an index nobody maintains would be stale when a switch is turned on again. Called by
     * every ensure with all such fields of the layout (none is a no-op). By default {@link #drop}
     * per field.
     */
    default void removeUnindexed(Connection connection, SqlTables tables, List<StoredField> fields)
            throws SQLException {
        for (StoredField field : fields) {
            drop(connection, tables, field);
        }
    }

    /**
     * The integer column of the entity table that keys this index's entries, when the writer may
     * assign it to new rows itself (SQLite's {@code hb_rowid}); null (the default) when entries are
     * keyed otherwise. With a key column the writer passes every written row's key to
     * {@link #write}.
     */
    default String rowKeyColumn() {
        return null;
    }

    /**
     * Re-indexes these rows, called after they were written to the entity table; {@code replaced}
     * are the ids that were stored before this write (only they can have old entries).
     * {@code rowKeys} holds the {@link #rowKeyColumn()} value of every written row when the writer
     * assigned them, so no entry needs a lookup of its key; it is null otherwise (always for an
     * index without a row key column).
     */
    void write(Connection connection, SqlTables tables, StoredField field, List<Map<String, Object>> rows,
            Set<String> replaced, Map<String, Long> rowKeys) throws SQLException;

    /** Removes the entries of these ids, called before the entity rows are deleted. */
    void delete(Connection connection, SqlTables tables, StoredField field, Collection<String> ids)
            throws SQLException;

    /**
     * A condition on the entity table row aliased {@code alias} that holds when the field contains
     * every one of {@code words} (non-empty, as produced by {@link io.heavenbase.query.TextMatch#words}).
     */
    BoundSql matches(SqlTables tables, String alias, StoredField field, List<String> words);
}
