package io.heavenbase.backend.sql.postgres;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.BulkLoader;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full-text search with one words table per entity table, {@code <table>$words} ({@code $} cannot
 * occur in a field name, so no side table can take the name): per owner and text field the distinct
 * words of the text as a {@code text[]}, under one GIN index. The words are computed in Java by
 * {@link TextMatch#words}, and {@code match} asks for the rows whose words for that field contain
 * every query word ({@code @>}, an index search); array elements compare byte for byte, so the
 * answer is exactly {@link TextMatch#matches}. PostgreSQL's own text search is not used: its parser
 * and dictionaries split and fold words differently from TextMatch (and differently per server
 * locale). One table for all the text fields of an entity keeps registration to two statements
 * however many text fields there are.
 */
record PostgresWordIndex(SqlDialect dialect) implements FullTextIndex {

    static final String OWNER_ID = "owner_id";
    static final String FIELD = "field";
    static final String WORDS = "words";

    /** The unquoted name of an entity table's words table. */
    String table(SqlTables tables) {
        return dialect.fitIdentifier(tables.entity() + "$" + WORDS);
    }

    /**
     * Creates the words table and its index when missing; when the field has stored texts but no
     * words yet (a words table created after the rows), indexes them.
     */
    @Override
    public void ensure(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        String words = tables.qualified(table(tables));
        execute(connection, "CREATE TABLE IF NOT EXISTS " + words + " (" + dialect.quote(OWNER_ID) + " "
                + PostgresTypeMapping.TEXT + " NOT NULL, " + dialect.quote(FIELD) + " " + PostgresTypeMapping.TEXT
                + " NOT NULL, " + dialect.quote(WORDS) + " text[] COLLATE \"C\" NOT NULL, PRIMARY KEY ("
                + dialect.quote(OWNER_ID) + ", " + dialect.quote(FIELD) + "))");
        execute(connection, "CREATE INDEX IF NOT EXISTS " + dialect.quote(dialect.fitIdentifier(table(tables) + "_gin"))
                + " ON " + words + " USING gin (" + dialect.quote(WORDS) + ")");
        if (lacksWords(connection, tables, field)) {
            indexExistingRows(connection, tables, field);
        }
    }

    /** Drops the words table: the family drops text fields only together with their entity table. */
    @Override
    public void drop(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        execute(connection, dialect.dropTable(tables.qualified(table(tables))));
    }

    /**
     * Deletes the words of these fields in one statement (one pass over the words table, which has
     * no index on {@code field} alone); the table stays for the entity's other text fields.
     */
    @Override
    public void removeUnindexed(Connection connection, SqlTables tables, List<StoredField> fields)
            throws SQLException {
        if (fields.isEmpty()) {
            return;
        }
        String words = tables.qualified(table(tables));
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, words);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    return;
                }
            }
        }
        List<String> names = fields.stream().map(StoredField::name).toList();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + words + " WHERE " + dialect.quote(FIELD) + " = ANY(?)")) {
            PostgresParams.textArray(names).bind(delete, 1);
            delete.executeUpdate();
        }
    }

    @Override
    public void write(Connection connection, SqlTables tables, StoredField field, List<Map<String, Object>> rows,
            Set<String> replaced, Map<String, Long> rowKeys) throws SQLException {
        BulkLoader bulk = dialect.bulkLoader();
        if (bulk != null) {
            writeInBulk(bulk, connection, tables, field, rows, replaced);
            return;
        }
        List<String> wordless = new ArrayList<>();
        try (PreparedStatement upsert = connection.prepareStatement(upsertSql(tables))) {
            StatementBatch batch = new StatementBatch(upsert);
            for (Map<String, Object> row : rows) {
                String id = (String) row.get(Names.OBJECT_ID);
                Set<String> words = words((String) row.get(field.name()));
                if (words.isEmpty()) {
                    if (replaced.contains(id)) {
                        wordless.add(id);
                    }
                    continue;
                }
                bindWords(upsert, id, field, words);
                batch.add();
            }
            batch.flush();
        }
        if (!wordless.isEmpty()) {
            delete(connection, tables, field, wordless);
        }
    }

    /**
     * Every written owner's words for the field go in one delete (not only the replaced owners': a
     * words row left without its entity row, as an interrupted drop by another process can leave,
     * must not make the insert fail), then every row's new words in one bulk insert.
     */
    private void writeInBulk(BulkLoader bulk, Connection connection, SqlTables tables, StoredField field,
            List<Map<String, Object>> rows, Set<String> replaced) throws SQLException {
        List<String> owners = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            owners.add((String) row.get(Names.OBJECT_ID));
        }
        delete(connection, tables, field, owners);
        SqlParam fieldName = SqlParam.text(field.name());
        List<List<SqlParam>> values = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Set<String> words = words((String) row.get(field.name()));
            if (!words.isEmpty()) {
                values.add(List.of(SqlParam.text((String) row.get(Names.OBJECT_ID)), fieldName,
                        PostgresParams.textArray(words)));
            }
        }
        if (!values.isEmpty()) {
            bulk.insert(connection, tables, table(tables), List.of(OWNER_ID, FIELD, WORDS), values);
        }
    }

    @Override
    public void delete(Connection connection, SqlTables tables, StoredField field, Collection<String> ids)
            throws SQLException {
        BoundSql sql = new SqlBuilder().append("DELETE FROM ").append(tables.qualified(table(tables)))
                .append(" WHERE ").append(dialect.quote(FIELD)).append(" = ").param(SqlParam.text(field.name()))
                .append(" AND ").append(dialect.idIn(dialect.quote(OWNER_ID), ids)).build();
        try (PreparedStatement statement = sql.prepare(connection)) {
            statement.executeUpdate();
        }
    }

    @Override
    public BoundSql matches(SqlTables tables, String alias, StoredField field, List<String> words) {
        return new SqlBuilder().append("EXISTS (SELECT 1 FROM ").append(tables.qualified(table(tables)))
                .append(" w WHERE w.").append(dialect.quote(OWNER_ID)).append(" = ").append(alias).append(".")
                .append(dialect.quote(Names.OBJECT_ID)).append(" AND w.").append(dialect.quote(FIELD)).append(" = ")
                .param(SqlParam.text(field.name())).append(" AND w.").append(dialect.quote(WORDS)).append(" @> ")
                .param(PostgresParams.textArray(new LinkedHashSet<>(words))).append(")").build();
    }

    private String upsertSql(SqlTables tables) {
        return "INSERT INTO " + tables.qualified(table(tables)) + " (" + dialect.quote(OWNER_ID) + ", "
                + dialect.quote(FIELD) + ", " + dialect.quote(WORDS) + ") VALUES (?, ?, ?) ON CONFLICT ("
                + dialect.quote(OWNER_ID) + ", " + dialect.quote(FIELD) + ") DO UPDATE SET " + dialect.quote(WORDS)
                + " = EXCLUDED." + dialect.quote(WORDS);
    }

    private static void bindWords(PreparedStatement upsert, String id, StoredField field, Set<String> words)
            throws SQLException {
        upsert.setString(1, id);
        upsert.setString(2, field.name());
        PostgresParams.textArray(words).bind(upsert, 3);
    }

    /** Whether the field has stored texts but not one words row. */
    private boolean lacksWords(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        String column = dialect.quote(field.name());
        try (PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM "
                + tables.qualified(tables.entity()) + " WHERE " + column + " IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "
                + tables.qualified(table(tables)) + " WHERE " + dialect.quote(FIELD) + " = ?)")) {
            statement.setString(1, field.name());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private void indexExistingRows(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        String column = dialect.quote(field.name());
        String select = "SELECT " + dialect.quote(Names.OBJECT_ID) + ", " + column + " FROM "
                + tables.qualified(tables.entity()) + " WHERE " + column + " IS NOT NULL";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(select);
                PreparedStatement upsert = connection.prepareStatement(upsertSql(tables))) {
            StatementBatch batch = new StatementBatch(upsert);
            while (rows.next()) {
                Set<String> words = words(rows.getString(2));
                if (!words.isEmpty()) {
                    bindWords(upsert, rows.getString(1), field, words);
                    batch.add();
                }
            }
            batch.flush();
        }
    }

    /** The distinct words of a text; containment needs no duplicates or order. */
    private static Set<String> words(String text) {
        return new LinkedHashSet<>(TextMatch.words(text));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
