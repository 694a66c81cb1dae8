package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.FullTextIndex;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.backend.sql.StatementBatch;
import io.heavenbase.query.TextMatch;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.StoredField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full-text search with one contentless FTS5 table per text field, keyed by the entity table's
 * {@code hb_rowid}. The text is tokenised in Java by {@link TextMatch#words} and stored as those
 * words joined by spaces under FTS5's {@code ascii} tokenizer, which splits only at ASCII
 * non-alphanumerics, treats every non-ASCII character as part of a word and folds nothing beyond
 * ASCII case. Indexed tokens are therefore exactly TextMatch's words, and {@code match} answers
 * exactly like {@link TextMatch#matches} (SQLite's own {@code unicode61} tokenizer would not: it
 * uses Unicode 6.1 tables, keeps No/Nl digits such as "²" inside words and folds case
 * differently outside ASCII).
 */
final class Fts5FullTextIndex implements FullTextIndex {

    private static final String TEXT_COLUMN = "words";

    private final SqlDialect dialect;

    Fts5FullTextIndex(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void ensure(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        String fts = tables.fullText(field.name());
        if (exists(connection, fts)) {
            return;
        }
        ensureRowKey(connection, tables);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIRTUAL TABLE " + tables.qualified(fts) + " USING fts5("
                    + dialect.quote(TEXT_COLUMN)
                    + ", content='', contentless_delete=1, tokenize='ascii')");
        }
        indexExistingRows(connection, tables, field);
    }

    @Override
    public void drop(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.dropTable(tables.qualified(tables.fullText(field.name()))));
        }
    }

    /** Entries are keyed by the entity table's integer row key, which the writer can assign. */
    @Override
    public String rowKeyColumn() {
        return SqliteDialect.ROW_ID;
    }

    /** With every row's key known the entries are written by key; otherwise each looks its key up. */
    @Override
    public void write(Connection connection, SqlTables tables, StoredField field, List<Map<String, Object>> rows,
            Set<String> replaced, Map<String, Long> rowKeys) throws SQLException {
        if (rowKeys == null) {
            String rowIdOf = "(SELECT " + dialect.quote(SqliteDialect.ROW_ID) + " FROM "
                    + tables.qualified(tables.entity()) + " WHERE " + dialect.quote(Names.OBJECT_ID) + " = ?)";
            reindex(connection, tables, field, rows, replaced, rowIdOf, (statement, id) -> statement.setString(1, id));
            return;
        }
        reindex(connection, tables, field, rows, replaced, "?", (statement, id) -> {
            Long key = rowKeys.get(id);
            if (key == null) {
                throw new SQLException("no " + SqliteDialect.ROW_ID + " known for object_id " + Names.shorten(id));
            }
            statement.setLong(1, key);
        });
    }

    /** Deletes the replaced rows' entries, then inserts one entry per row with words; {@code rowIdSql} has one parameter. */
    private void reindex(Connection connection, SqlTables tables, StoredField field, List<Map<String, Object>> rows,
            Set<String> replaced, String rowIdSql, RowIdBinder rowId) throws SQLException {
        String fts = tables.qualified(tables.fullText(field.name()));
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + fts + " WHERE rowid = " + rowIdSql);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + fts + " (rowid, "
                        + dialect.quote(TEXT_COLUMN) + ") VALUES (" + rowIdSql + ", ?)")) {
            StatementBatch deletes = new StatementBatch(delete);
            for (String id : replaced) {
                rowId.bind(delete, id);
                deletes.add();
            }
            deletes.flush();
            StatementBatch inserts = new StatementBatch(insert);
            for (Map<String, Object> row : rows) {
                String words = JoinedWords.of((String) row.get(field.name()));
                if (words != null) {
                    rowId.bind(insert, (String) row.get(Names.OBJECT_ID));
                    insert.setString(2, words);
                    inserts.add();
                }
            }
            inserts.flush();
        }
    }

    /** Binds parameter 1 of an entry statement: the entry's row id, or what finds it. */
    private interface RowIdBinder {
        void bind(PreparedStatement statement, String objectId) throws SQLException;
    }

    @Override
    public void delete(Connection connection, SqlTables tables, StoredField field, Collection<String> ids)
            throws SQLException {
        BoundSql sql = new SqlBuilder().append("DELETE FROM ").append(tables.qualified(tables.fullText(field.name())))
                .append(" WHERE rowid IN (SELECT ").append(dialect.quote(SqliteDialect.ROW_ID)).append(" FROM ")
                .append(tables.qualified(tables.entity())).append(" WHERE ")
                .append(dialect.idIn(dialect.quote(Names.OBJECT_ID), ids)).append(")").build();
        try (PreparedStatement statement = sql.prepare(connection)) {
            statement.executeUpdate();
        }
    }

    /** Every word as a quoted FTS5 phrase; juxtaposed phrases must all occur (implicit AND). */
    @Override
    public BoundSql matches(SqlTables tables, String alias, StoredField field, List<String> words) {
        List<String> phrases = new ArrayList<>();
        for (String word : words) {
            phrases.add('"' + word.replace("\"", "\"\"") + '"');
        }
        String fts = tables.qualified(tables.fullText(field.name()));
        return new SqlBuilder().append(alias).append(".").append(dialect.quote(SqliteDialect.ROW_ID))
                .append(" IN (SELECT rowid FROM ").append(fts).append(" WHERE ").append(fts).append(" MATCH ")
                .param(SqlParam.text(String.join(" ", phrases))).append(")").build();
    }

    private void indexExistingRows(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        String column = dialect.quote(field.name());
        String select = "SELECT " + dialect.quote(SqliteDialect.ROW_ID) + ", " + column + " FROM "
                + tables.qualified(tables.entity()) + " WHERE " + column + " IS NOT NULL";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(select);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                        + tables.qualified(tables.fullText(field.name())) + " (rowid, " + dialect.quote(TEXT_COLUMN)
                        + ") VALUES (?, ?)")) {
            StatementBatch inserts = new StatementBatch(insert);
            while (rows.next()) {
                String words = JoinedWords.of(rows.getString(2));
                if (words != null) {
                    insert.setLong(1, rows.getLong(1));
                    insert.setString(2, words);
                    inserts.add();
                }
            }
            inserts.flush();
        }
    }

    /**
     * Gives a {@code WITHOUT ROWID} entity table (created while the entity had no full-text field)
     * the {@code hb_rowid} its FTS5 tables are keyed by: the table is rebuilt in the layout with
     * {@code hb_rowid}, every column and row kept, inside the caller's transaction.
     */
    private void ensureRowKey(Connection connection, SqlTables tables) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet info = statement.executeQuery(
                "SELECT name, type FROM pragma_table_info(" + literal(tables.entity()) + ")")) {
            while (info.next()) {
                columns.put(info.getString(1), info.getString(2));
            }
        }
        if (columns.isEmpty() || columns.containsKey(SqliteDialect.ROW_ID)) {
            return;
        }
        String entity = tables.qualified(tables.entity());
        String old = tables.entity() + "__hb_rebuild";
        List<String> definitions = new ArrayList<>(dialect.keyColumns());
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            names.add(dialect.quote(column.getKey()));
            if (!column.getKey().equals(Names.OBJECT_ID)) {
                definitions.add(dialect.quote(column.getKey()) + " " + column.getValue());
            }
        }
        String list = String.join(", ", names);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + entity + " RENAME TO " + dialect.quote(old));
            statement.execute(dialect.createTable(entity, definitions));
            statement.execute("INSERT INTO " + entity + " (" + list + ") SELECT " + list + " FROM "
                    + tables.qualified(old) + " ORDER BY " + dialect.quote(Names.OBJECT_ID));
            statement.execute("DROP TABLE " + tables.qualified(old));
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }
}
