package io.heavenbase.backend.sql;

import io.heavenbase.schema.Names;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.Bm25;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * The term statistics a SQL backend ranks {@code search} from, per searchable text field, kept in the same
 * transaction as the entity rows: a postings table {@code <entity>$bm25$<field>} with one row per (term, owner) and
 * its term frequency {@code tf} and the document's decoded norm length {@code dl} (so ranking reads one table), and
 * a lengths table {@code <entity>$bm25n$<field>} with each document's raw length (the sum of its term
 * frequencies), from which the document count and average length come. Documents without terms have no rows, as
 * in Lucene. Text is analyzed in Java by the field's analyzer ({@link Bm25#analyze}); a long term is stored in
 * the hashed form of {@link Bm25#termKey}, keeping keys within every dialect's key type. {@code $} cannot occur in a field name, so no side table can take these names.
 */
record Bm25Postings(SqlDialect dialect) {

    static final String TERM = "term";
    static final String TF = "tf";
    static final String DL = "dl";
    static final String LENGTH = "len";
    static final String DOCS = "docs";
    static final String TOTAL = "total";

    /** The unquoted postings table name of a field. */
    String postings(SqlTables tables, String field) {
        return dialect.fitIdentifier(tables.entity() + "$bm25$" + field);
    }

    /** The unquoted lengths table name of a field. */
    String lengths(SqlTables tables, String field) {
        return dialect.fitIdentifier(tables.entity() + "$bm25n$" + field);
    }

    /** The unquoted statistics table name of a field: one row, the document count and the sum of lengths. */
    String statistics(SqlTables tables, String field) {
        return dialect.fitIdentifier(tables.entity() + "$bm25s$" + field);
    }

    /** The stored key of a term ({@link Bm25#termKey}). */
    static String key(String term) {
        return Bm25.termKey(term);
    }

    /** Creates both tables when missing; indexes the stored texts when the field has none indexed yet. */
    void ensure(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        String postings = tables.qualified(postings(tables, field.name()));
        String lengths = tables.qualified(lengths(tables, field.name()));
        String key = dialect.types().keyType();
        String count = dialect.types().countType();
        SqlStructures.execute(connection, dialect.createTable(postings, List.of(dialect.quote(TERM) + " " + key + " NOT NULL",
                dialect.quote(SqlStructures.OWNER_ID) + " " + key + " NOT NULL",
                dialect.quote(TF) + " " + count + " NOT NULL", dialect.quote(DL) + " " + count + " NOT NULL")));
        SqlStructures.execute(connection, dialect.createTable(lengths, List.of(
                dialect.quote(SqlStructures.OWNER_ID) + " " + key + " NOT NULL",
                dialect.quote(LENGTH) + " " + count + " NOT NULL")));
        // Covering (term first): ranking and document frequencies read the index alone, and a one-term
        // ranking meets the owners in order, so grouping needs no temporary B-tree.
        createIndex(connection, postings(tables, field.name()) + "_tk", postings, String.join(", ",
                dialect.quote(TERM), dialect.quote(SqlStructures.OWNER_ID), dialect.quote(TF), dialect.quote(DL)));
        createIndex(connection, postings(tables, field.name()) + "_o", postings,
                dialect.quote(SqlStructures.OWNER_ID));
        createIndex(connection, lengths(tables, field.name()) + "_o", lengths, dialect.quote(SqlStructures.OWNER_ID));
        String statistics = tables.qualified(statistics(tables, field.name()));
        String big = dialect.types().columnType(io.heavenbase.schema.DType.INTEGER);
        SqlStructures.execute(connection, dialect.createTable(statistics, List.of(dialect.quote(DOCS) + " " + big + " NOT NULL",
                dialect.quote(TOTAL) + " " + big + " NOT NULL")));
        if (isEmpty(connection, lengths)) {
            indexStoredRows(connection, tables, field);
        }
        if (isEmpty(connection, statistics)) {
            long[] counted = count(connection, "SELECT COUNT(*), SUM(" + dialect.quote(LENGTH) + ") FROM " + lengths,
                    null);
            SqlStructures.execute(connection, "INSERT INTO " + statistics + " (" + dialect.quote(DOCS) + ", " + dialect.quote(TOTAL)
                    + ") VALUES (" + counted[0] + ", " + counted[1] + ")");
        }
    }

    void drop(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        SqlStructures.execute(connection, dialect.dropTable(tables.qualified(postings(tables, field.name()))));
        SqlStructures.execute(connection, dialect.dropTable(tables.qualified(lengths(tables, field.name()))));
        SqlStructures.execute(connection, dialect.dropTable(tables.qualified(statistics(tables, field.name()))));
    }

    /** Re-indexes written rows; {@code replaced} are the ids stored before the write (only they have entries). */
    void write(Connection connection, SqlTables tables, StoredField field, List<Map<String, Object>> rows,
            Collection<String> replaced) throws SQLException {
        if (!replaced.isEmpty()) {
            delete(connection, tables, field, replaced);
        }
        Analyzer analyzer = Bm25.analyzer(field);
        List<List<SqlParam>> postingRows = new ArrayList<>();
        List<List<SqlParam>> lengthRows = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            add((String) row.get(Names.OBJECT_ID), (String) row.get(field.name()), analyzer, field, postingRows,
                    lengthRows);
        }
        insert(connection, tables, postings(tables, field.name()), List.of(TERM, SqlStructures.OWNER_ID, TF, DL),
                postingRows);
        insert(connection, tables, lengths(tables, field.name()), List.of(SqlStructures.OWNER_ID, LENGTH),
                lengthRows);
        long total = 0;
        for (List<SqlParam> row : lengthRows) {
            total += ((Number) row.get(1).value()).longValue();
        }
        adjust(connection, tables, field, lengthRows.size(), total);
    }

    /** Removes the entries of these ids. */
    void delete(Connection connection, SqlTables tables, StoredField field, Collection<String> ids)
            throws SQLException {
        List<String> all = new ArrayList<>(ids);
        int step = dialect.maxIdsPerStatement();
        long docs = 0;
        long total = 0;
        for (int from = 0; from < all.size(); from += step) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + step));
            long[] removed = count(connection, "SELECT COUNT(*), SUM(" + dialect.quote(LENGTH) + ") FROM "
                    + tables.qualified(lengths(tables, field.name())) + " WHERE ",
                    dialect.idIn(dialect.quote(SqlStructures.OWNER_ID), chunk));
            docs += removed[0];
            total += removed[1];
        }
        adjust(connection, tables, field, -docs, -total);
        for (String table : List.of(postings(tables, field.name()), lengths(tables, field.name()))) {
            for (int from = 0; from < all.size(); from += step) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + step));
                BoundSql sql = new SqlBuilder().append("DELETE FROM ").append(tables.qualified(table))
                        .append(" WHERE ").append(dialect.idIn(dialect.quote(SqlStructures.OWNER_ID), chunk)).build();
                try (PreparedStatement statement = sql.prepare(connection)) {
                    statement.executeUpdate();
                }
            }
        }
    }

    /** Adds to the field's document count and sum of lengths (kept so a search need not count them). */
    private void adjust(Connection connection, SqlTables tables, StoredField field, long docs, long total)
            throws SQLException {
        if (docs == 0 && total == 0) {
            return;
        }
        String sql = "UPDATE " + tables.qualified(statistics(tables, field.name())) + " SET " + dialect.quote(DOCS)
                + " = " + dialect.quote(DOCS) + " + " + docs + ", " + dialect.quote(TOTAL) + " = "
                + dialect.quote(TOTAL) + " + " + total;
        SqlStructures.execute(connection, sql);
    }

    /** The two numbers of a {@code SELECT COUNT(*), SUM(..)} (null sums as 0), with an optional bound condition. */
    private static long[] count(Connection connection, String sql, BoundSql condition) throws SQLException {
        BoundSql bound = condition == null ? BoundSql.of(sql) : new SqlBuilder().append(sql).append(condition).build();
        try (PreparedStatement statement = bound.prepare(connection); ResultSet result = statement.executeQuery()) {
            result.next();
            return new long[] {result.getLong(1), result.getLong(2)};
        }
    }

    private static void add(String id, String text, Analyzer analyzer, StoredField field,
            List<List<SqlParam>> postingRows, List<List<SqlParam>> lengthRows) {
        if (text == null) {
            return;
        }
        Bm25.Analyzed analyzed = Bm25.analyze(analyzer, field.name(), text);
        if (analyzed.frequencies().isEmpty()) {
            return;
        }
        SqlParam owner = SqlParam.text(id);
        SqlParam normLength = SqlParam.integer(Bm25.normLength(analyzed.length()));
        long sum = 0;
        for (Map.Entry<String, Integer> term : analyzed.frequencies().entrySet()) {
            postingRows.add(List.of(SqlParam.text(key(term.getKey())), owner, SqlParam.integer(term.getValue()),
                    normLength));
            sum += term.getValue();
        }
        lengthRows.add(List.of(owner, SqlParam.integer(sum)));
    }

    private void insert(Connection connection, SqlTables tables, String table, List<String> columns,
            List<List<SqlParam>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        BulkLoader bulk = dialect.bulkLoader();
        if (bulk != null) {
            bulk.insert(connection, tables, table, columns, rows);
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.qualified(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i)));
        }
        sql.append(") VALUES (?").append(", ?".repeat(columns.size() - 1)).append(")");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            StatementBatch batch = new StatementBatch(statement);
            for (List<SqlParam> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    row.get(i).bind(statement, i + 1);
                }
                batch.add();
            }
            batch.flush();
        }
    }

    private void indexStoredRows(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        String column = dialect.quote(field.name());
        String select = "SELECT " + dialect.quote(Names.OBJECT_ID) + ", " + column + " FROM "
                + tables.qualified(tables.entity()) + " WHERE " + column + " IS NOT NULL";
        Analyzer analyzer = Bm25.analyzer(field);
        List<List<SqlParam>> postingRows = new ArrayList<>();
        List<List<SqlParam>> lengthRows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(select)) {
            while (rows.next()) {
                add(rows.getString(1), rows.getString(2), analyzer, field, postingRows, lengthRows);
            }
        }
        insert(connection, tables, postings(tables, field.name()), List.of(TERM, SqlStructures.OWNER_ID, TF, DL),
                postingRows);
        insert(connection, tables, lengths(tables, field.name()), List.of(SqlStructures.OWNER_ID, LENGTH),
                lengthRows);
    }

    private boolean isEmpty(Connection connection, String qualifiedTable) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(dialect.anyRow(qualifiedTable))) {
            return !result.next();
        }
    }

    private void createIndex(Connection connection, String index, String qualifiedTable, String columnSql)
            throws SQLException {
        String sql = dialect.createIndex(dialect.fitIdentifier(index), qualifiedTable, columnSql);
        if (sql == null) {
            return;
        }
        SqlStructures.executeUnlessExists(dialect, connection, sql);
    }
}
