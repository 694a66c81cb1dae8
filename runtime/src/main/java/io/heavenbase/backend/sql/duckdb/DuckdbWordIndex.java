package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.BulkLoader;
import io.heavenbase.backend.sql.FieldWordTable;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlStructures;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.query.TextMatch;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.StoredField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code match} on DuckDB: a table per text field holding each row's distinct words as a
 * {@code VARCHAR[]}, split in Java by {@link TextMatch#words}; a row matches when
 * {@code list_has_all(words, query words)}. Words are compared byte-wise, so answers equal
 * {@link TextMatch#matches} exactly (DuckDB's fts extension stems, folds accents and drops
 * stopwords, so it is not used). Rows are written through the {@link BulkLoader}.
 */
final class DuckdbWordIndex extends FieldWordTable {

    static final String WORDS = "words";

    DuckdbWordIndex(SqlDialect dialect) {
        super(dialect);
    }

    @Override
    public void ensure(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        ensureTable(connection, tables, field, List.of(
                dialect().quote(SqlStructures.OWNER_ID) + " VARCHAR PRIMARY KEY",
                dialect().quote(WORDS) + " VARCHAR[] NOT NULL"));
    }

    @Override
    public void write(Connection connection, SqlTables tables, StoredField field, List<Map<String, Object>> rows,
            Set<String> replaced, Map<String, Long> rowKeys) throws SQLException {
        delete(connection, tables, field, replaced);
        List<List<SqlParam>> entries = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            addEntry(entries, (String) row.get(Names.OBJECT_ID), (String) row.get(field.name()));
        }
        insert(connection, tables, field, entries);
    }

    @Override
    public void delete(Connection connection, SqlTables tables, StoredField field, Collection<String> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        BoundSql sql = new SqlBuilder().append("DELETE FROM ").append(tables.qualified(tables.fullText(field.name())))
                .append(" WHERE ").append(dialect().idIn(dialect().quote(SqlStructures.OWNER_ID), ids)).build();
        try (PreparedStatement statement = sql.prepare(connection)) {
            statement.executeUpdate();
        }
    }

    @Override
    public BoundSql matches(SqlTables tables, String alias, StoredField field, List<String> words) {
        return new SqlBuilder().append(alias).append(".").append(dialect().quote(Names.OBJECT_ID))
                .append(" IN (SELECT w.").append(dialect().quote(SqlStructures.OWNER_ID)).append(" FROM ")
                .append(tables.qualified(tables.fullText(field.name()))).append(" w WHERE list_has_all(w.")
                .append(dialect().quote(WORDS)).append(", CAST(")
                .param(DuckdbParam.list(new ArrayList<>(new LinkedHashSet<>(words)), "VARCHAR"))
                .append(" AS VARCHAR[])))").build();
    }

    @Override
    protected void indexStored(Connection connection, SqlTables tables, StoredField field, List<String[]> texts)
            throws SQLException {
        List<List<SqlParam>> entries = new ArrayList<>();
        for (String[] text : texts) {
            addEntry(entries, text[0], text[1]);
        }
        insert(connection, tables, field, entries);
    }

    private void insert(Connection connection, SqlTables tables, StoredField field, List<List<SqlParam>> entries)
            throws SQLException {
        if (!entries.isEmpty()) {
            dialect().bulkLoader().insert(connection, tables, tables.fullText(field.name()),
                    List.of(SqlStructures.OWNER_ID, WORDS), entries);
        }
    }

    /** The row's entry, unless its text has no words (then nothing can match it). */
    private static void addEntry(List<List<SqlParam>> entries, String id, String text) {
        Set<String> words = new LinkedHashSet<>(TextMatch.words(text));
        if (!words.isEmpty()) {
            entries.add(List.of(SqlParam.text(id), DuckdbParam.list(new ArrayList<>(words), "VARCHAR")));
        }
    }
}
