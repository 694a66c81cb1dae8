package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.FieldWordTable;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlStructures;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.backend.sql.StatementBatch;
import io.heavenbase.query.TextMatch;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.Chunks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code match} on MySQL/MariaDB through a word table per text field instead of a FULLTEXT index.
 * InnoDB FULLTEXT ignores words shorter than {@code innodb_ft_min_token_size} (3 by default) and a
 * stopword list, and tokenises with the server's own rules, so its answers would differ from
 * {@link TextMatch}. Here the text is split in Java by {@link TextMatch#words} and each distinct
 * word is stored as one row {@code (word, owner_id)} keyed in that order, in the binary
 * collation; a query word is an exact key lookup, and a row matches when every query word is
 * present. Words of any length match, one-letter words and stopwords included. A word longer
 * than {@value #MAX_WORD_CHARS} characters is stored as {@code '#'} plus the hex SHA-256 of its
 * UTF-8 bytes, so the key stays short; {@code '#'} is never part of a word, so this cannot collide
 * with a stored short word.
 */
final class MysqlWordIndex extends FieldWordTable {

    static final String WORD = "word";
    static final int MAX_WORD_CHARS = 128;

    private final MysqlTypeMapping types;

    MysqlWordIndex(MysqlDialect dialect) {
        super(dialect);
        this.types = dialect.types();
    }

    @Override
    public void ensure(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        String owner = dialect().quote(SqlStructures.OWNER_ID);
        String word = dialect().quote(WORD);
        ensureTable(connection, tables, field, List.of(
                word + " " + types.text("VARCHAR(" + MAX_WORD_CHARS + ")") + " NOT NULL",
                owner + " " + types.keyType() + " NOT NULL",
                "PRIMARY KEY (" + word + ", " + owner + ")",
                "KEY " + dialect().quote("owner") + " (" + owner + ")"));
    }

    @Override
    public void write(Connection connection, SqlTables tables, StoredField field, List<Map<String, Object>> rows,
            Set<String> replaced, Map<String, Long> rowKeys) throws SQLException {
        delete(connection, tables, field, replaced);
        try (PreparedStatement insert = connection.prepareStatement(insert(tables, field, ""))) {
            StatementBatch batch = new StatementBatch(insert);
            for (Map<String, Object> row : rows) {
                add(insert, batch, (String) row.get(Names.OBJECT_ID), (String) row.get(field.name()));
            }
            batch.flush();
        }
    }

    @Override
    public void delete(Connection connection, SqlTables tables, StoredField field, Collection<String> ids)
            throws SQLException {
        String table = tables.qualified(tables.fullText(field.name()));
        for (List<String> chunk : Chunks.of(ids, dialect().maxIdsPerStatement())) {
            BoundSql sql = new SqlBuilder().append("DELETE FROM ").append(table).append(" WHERE ")
                    .append(dialect().idIn(dialect().quote(SqlStructures.OWNER_ID), chunk)).build();
            try (PreparedStatement statement = sql.prepare(connection)) {
                statement.executeUpdate();
            }
        }
    }

    /** One key lookup per distinct query word; all of them must find the row. */
    @Override
    public BoundSql matches(SqlTables tables, String alias, StoredField field, List<String> words) {
        String table = tables.qualified(tables.fullText(field.name()));
        SqlBuilder sql = new SqlBuilder().append("(");
        boolean first = true;
        for (String word : new LinkedHashSet<>(words)) {
            sql.append(first ? "" : " AND ").append(alias).append(".").append(dialect().quote(Names.OBJECT_ID))
                    .append(" IN (SELECT w.").append(dialect().quote(SqlStructures.OWNER_ID)).append(" FROM ")
                    .append(table).append(" w WHERE w.").append(dialect().quote(WORD)).append(" = ")
                    .param(SqlParam.text(key(word))).append(")");
            first = false;
        }
        return sql.append(")").build();
    }

    /** The stored form of a word: itself, or {@code '#'} and its SHA-256 when it is long. */
    static String key(String word) {
        if (word.codePointCount(0, word.length()) <= MAX_WORD_CHARS) {
            return word;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(word.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private String insert(SqlTables tables, StoredField field, String modifier) {
        return "INSERT " + modifier + "INTO " + tables.qualified(tables.fullText(field.name())) + " ("
                + dialect().quote(WORD) + ", " + dialect().quote(SqlStructures.OWNER_ID) + ") VALUES (?, ?)";
    }

    private static void add(PreparedStatement insert, StatementBatch batch, String id, String text)
            throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        for (String word : TextMatch.words(text)) {
            keys.add(key(word));
        }
        for (String key : keys) {
            insert.setString(1, key);
            insert.setString(2, id);
            batch.add();
        }
    }

    /** INSERT IGNORE keeps this idempotent when another process creates the table at the same moment. */
    @Override
    protected void indexStored(Connection connection, SqlTables tables, StoredField field, List<String[]> texts)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insert(tables, field, "IGNORE "))) {
            StatementBatch batch = new StatementBatch(insert);
            for (String[] text : texts) {
                add(insert, batch, text[0], text[1]);
            }
            batch.flush();
        }
    }
}
