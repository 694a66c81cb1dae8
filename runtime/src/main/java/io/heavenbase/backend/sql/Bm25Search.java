package io.heavenbase.backend.sql;

import io.heavenbase.query.ValueOrder;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.SearchFragment;
import io.heavenbase.spi.support.Bm25;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code search} over the {@link Bm25Postings} of a field. One small query reads the document count, the sum of
 * lengths and the document frequencies of the query terms; idf and the per-term weights are computed in Java.
 * Then one statement sums the per-term scores of the eligible documents (filter and candidates in SQL), orders by
 * that score and object_id and keeps the top {@code k +} {@value #MARGIN}, returning each document's term
 * frequencies and norm length; Java scores those rows with Lucene's float arithmetic ({@link Bm25.Scorer}) and
 * keeps the top k. The margin absorbs the difference between the database's double sum and Lucene's float score,
 * which can only reorder documents whose scores agree to about seven digits.
 */
final class Bm25Search {

    static final int MARGIN = 32;

    private static final String POSTING = "p";

    private final SqlDialect dialect;
    private final Bm25Postings postings;

    Bm25Search(SqlDialect dialect, Bm25Postings postings) {
        this.dialect = dialect;
        this.postings = postings;
    }

    /**
     * The top hits, best first.
     *
     * @param eligibility a condition on the entity table aliased {@link SqlQueryCompiler#ALIAS}, or null when
     *        every row is eligible
     */
    List<Hit> search(Connection connection, SqlTables tables, SearchFragment search, BoundSql eligibility)
            throws SQLException {
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        for (String term : search.terms()) {
            occurrences.merge(Bm25Postings.key(term), 1, Integer::sum);
        }
        if (occurrences.isEmpty() || search.topK() <= 0) {
            return List.of();
        }
        Map<String, Long> frequencies = new HashMap<>();
        long[] stats = statistics(connection, tables, search.field(), occurrences.keySet(), frequencies);
        if (stats[0] == 0) {
            return List.of();
        }
        List<String> terms = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (Map.Entry<String, Integer> term : occurrences.entrySet()) {
            Long df = frequencies.get(term.getKey());
            if (df != null) {
                terms.add(term.getKey());
                weights.add(term.getValue() * Bm25.idf(df, stats[0]));
            }
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        float averageLength = Bm25.averageLength(stats[1], stats[0]);
        return rank(connection, tables, search, eligibility, terms, weights, new Bm25.Scorer(averageLength),
                averageLength);
    }

    private List<Hit> rank(Connection connection, SqlTables tables, SearchFragment search, BoundSql eligibility,
            List<String> terms, List<Float> weights, Bm25.Scorer scorer, float averageLength) throws SQLException {
        String owner = POSTING + "." + dialect.quote(SqlStructures.OWNER_ID);
        String term = POSTING + "." + dialect.quote(Bm25Postings.TERM);
        String tf = POSTING + "." + dialect.quote(Bm25Postings.TF);
        String dl = POSTING + "." + dialect.quote(Bm25Postings.DL);
        SqlBuilder sql = new SqlBuilder().append("SELECT ").append(owner).append(", MAX(").append(dl).append(")");
        for (String t : terms) {
            sql.append(", SUM(CASE WHEN ").append(term).append(" = ").param(SqlParam.text(t)).append(" THEN ")
                    .append(tf).append(" ELSE 0 END)");
        }
        // the approximate score: weight * tf / (tf + k1 * (1 - b) + k1 * b * dl / avgdl), weights as literals
        sql.append(", SUM((CASE");
        for (int i = 0; i < terms.size(); i++) {
            sql.append(" WHEN ").append(term).append(" = ").param(SqlParam.text(terms.get(i))).append(" THEN ")
                    .append(literal(weights.get(i)));
        }
        sql.append(" ELSE 0 END) * ").append(tf).append(" / (").append(tf).append(" + ")
                .append(literal(Bm25.K1 * (1 - Bm25.B))).append(" + ")
                .append(literal(Bm25.K1 * Bm25.B / averageLength)).append(" * ").append(dl).append("))");
        sql.append(" FROM ").append(tables.qualified(postings.postings(tables, search.field()))).append(" ")
                .append(POSTING);
        if (eligibility != null) {
            sql.append(" JOIN ").append(tables.qualified(tables.entity())).append(" ").append(SqlQueryCompiler.ALIAS)
                    .append(" ON ").append(SqlQueryCompiler.ALIAS).append(".")
                    .append(dialect.quote(Names.OBJECT_ID)).append(" = ").append(owner);
        }
        sql.append(" WHERE ").append(term).append(" IN (");
        for (int i = 0; i < terms.size(); i++) {
            sql.append(i == 0 ? "" : ", ").param(SqlParam.text(terms.get(i)));
        }
        sql.append(")");
        if (eligibility != null) {
            sql.append(" AND (").append(eligibility).append(")");
        }
        int scoreColumn = terms.size() + 3;
        sql.append(" GROUP BY ").append(owner).append(" ORDER BY ").append(String.valueOf(scoreColumn))
                .append(" DESC, ").append(dialect.codePointSortKey(owner))
                .append(dialect.limitOffset(search.topK() + MARGIN, 0));
        List<Hit> hits = new ArrayList<>();
        try (PreparedStatement statement = sql.build().prepare(connection);
                ResultSet rows = statement.executeQuery()) {
            float[] termScores = new float[terms.size()];
            while (rows.next()) {
                int normLength = rows.getInt(2);
                for (int i = 0; i < terms.size(); i++) {
                    int frequency = rows.getInt(3 + i);
                    termScores[i] = frequency == 0 ? 0f : scorer.termScore(weights.get(i), frequency, normLength);
                }
                hits.add(new Hit(rows.getString(1), Bm25.Scorer.sum(termScores), Map.of()));
            }
        }
        hits.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : ValueOrder.compareText(a.objectId(), b.objectId()));
        return hits.size() > search.topK() ? new ArrayList<>(hits.subList(0, search.topK())) : hits;
    }

    /**
     * The field's document count and sum of lengths, as the writes keep them, and (into {@code frequencies}) the
     * document frequency of each query term found, in one statement: the statistics row comes back under the
     * empty term, which no analyzer produces.
     */
    private long[] statistics(Connection connection, SqlTables tables, String field, Collection<String> terms,
            Map<String, Long> frequencies) throws SQLException {
        String term = dialect.quote(Bm25Postings.TERM);
        SqlBuilder sql = new SqlBuilder().append("SELECT ").append(term).append(", COUNT(*), 0 FROM ")
                .append(tables.qualified(postings.postings(tables, field))).append(" WHERE ").append(term)
                .append(" IN (");
        boolean first = true;
        for (String t : terms) {
            sql.append(first ? "" : ", ").param(SqlParam.text(t));
            first = false;
        }
        sql.append(") GROUP BY ").append(term).append(" UNION ALL SELECT '', ")
                .append(dialect.quote(Bm25Postings.DOCS)).append(", ").append(dialect.quote(Bm25Postings.TOTAL))
                .append(" FROM ").append(tables.qualified(postings.statistics(tables, field)));
        long[] stats = {0, 0};
        try (PreparedStatement statement = sql.build().prepare(connection);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String key = rows.getString(1);
                if (key.isEmpty()) {
                    stats[0] = rows.getLong(2);
                    stats[1] = rows.getLong(3);
                } else {
                    frequencies.put(key, rows.getLong(2));
                }
            }
        }
        return stats;
    }

    /** A computed number as an SQL literal (never user input), in exponent notation every dialect reads. */
    private static String literal(double value) {
        return String.format(Locale.ROOT, "%.17e", value);
    }
}
