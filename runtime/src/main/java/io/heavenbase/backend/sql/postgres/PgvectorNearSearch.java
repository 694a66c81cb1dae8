package io.heavenbase.backend.sql.postgres;

import io.heavenbase.Metric;
import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.NearSearch;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlQueryCompiler;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Similarity;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code near} on pgvector, with the filter and the candidate ids in WHERE, so they apply before
 * the top-k cut. Scores are always {@link Similarity#score} computed in Java from the stored
 * vectors, exactly as the engine computes them; the database only decides which rows to score.
 *
 * <h2>Exact search (the default)</h2>
 * pgvector computes distances in single precision, so its order can differ from the engine's
 * double-precision scores among rows closer than its rounding error. The search therefore orders
 * the eligible rows by a key that bounds the exact distance from below, fetches
 * {@code k + max(k, 16)} of them with their vectors, scores those exactly and checks the bound: when
 * the lower bound of the last row fetched exceeds the exact distance of the k-th best, no row left
 * behind can belong to the top k. Otherwise it fetches four times as many and checks again. Keys
 * (n = dimension, u = 2<sup>-24</sup>, q' = q/|q|):
 * <ul>
 * <li>cosine: {@code v <=> q'}, off by at most 2(n+1)u + 3u; bounded with 8(n+2)u;</li>
 * <li>l2: {@code v <-> q}, off by at most a factor 1 + (n+3)u; bounded with a factor 1 + 2(n+3)u;</li>
 * <li>dot: {@code (v <#> q') - 2(n+2)u·|v|}, already a lower bound of {@code -v·q/|q|}.</li>
 * </ul>
 * For cosine and dot, rows whose single-precision sums could overflow or underflow (|v| outside
 * [1e-15, 1e15] for cosine, above 1e15 for dot) get the smallest key, so they are always scored
 * exactly. For l2 an infinite key (an overflowed sum) still means an exact distance of at least
 * sqrt(Float.MAX_VALUE), so the bounds are capped there, and underflow moves a distance by less
 * than 1e-18. One search is one ordered scan of the eligible rows (one {@code vector_norm}, for
 * cosine and dot, and one distance per row) in a REPEATABLE READ transaction, which also keeps the
 * snapshot when the search widens. A query vector of norm 0 scores 0 with cosine and dot: the first
 * k eligible ids win.
 *
 * <h2>Index search</h2>
 * Used only for cosine on a VectorIndex field with an HNSW or IVFFlat index, when the table holds
 * more than {@code exact-near-limit} rows by the planner's estimate (statistics, or the table's
 * size on disk when it was never analysed) and the candidate ids (if any)
 * are more than that too, and k is at most 500. It runs with {@code SET LOCAL
 * hnsw.iterative_scan = relaxed_order} (pgvector 0.8+; IVFFlat likewise) so the filtered index
 * scan keeps going until it has enough eligible rows, fetches {@code 2k + 10} rows and ranks them
 * exactly. Its recall is the index's: rows can be missed, but never ineligible ones returned. When
 * it yields fewer than k rows (the scan gave up, or an older pgvector without iterative scans) the
 * exact search runs instead.
 */
final class PgvectorNearSearch implements NearSearch {

    private static final double UNIT_ROUNDING = 0x1p-24;
    private static final double SAFE_NORM_MIN = 1e-15;
    private static final double SAFE_NORM_MAX = 1e15;
    private static final double L2_OVERFLOW = 1.8e19;
    private static final int MIN_MARGIN = 16;
    private static final int WIDENING = 4;
    private static final int INDEX_MAX_TOP_K = 500;

    private final PgvectorDialect dialect;
    private volatile Boolean iterativeScan;

    /** Searches with the dialect's index and exact-near limit. */
    PgvectorNearSearch(PgvectorDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<Hit> search(Connection connection, SqlTables tables, StoredField field, Fragment fragment,
            BoundSql eligible) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        }
        NearSpec near = fragment.near();
        Query query = new Query(tables, field, near, eligible);
        if (query.queryNorm == 0.0 && near.metric() != Metric.L2) {
            return firstIds(connection, query);
        }
        if (usesIndex(connection, tables, field, fragment)) {
            List<Hit> approximate = indexSearch(connection, query);
            if (approximate.size() >= near.topK()) {
                return approximate;
            }
        }
        return exactSearch(connection, query);
    }

    /** Which search {@link #search} runs first, for explain-like diagnostics and tests. */
    boolean usesIndex(Connection connection, SqlTables tables, StoredField field, Fragment fragment)
            throws SQLException {
        NearSpec near = fragment.near();
        return dialect.isIndexed(field) && near.metric() == Metric.COSINE && near.topK() <= INDEX_MAX_TOP_K
                && (fragment.candidates() == null || fragment.candidates().size() > dialect.exactNearLimit())
                && PostgresCatalog.estimatedRows(connection, tables.qualified(tables.entity()))
                        > dialect.exactNearLimit();
    }

    private List<Hit> exactSearch(Connection connection, Query query) throws SQLException {
        int k = query.near.topK();
        long limit = (long) k + Math.max(k, MIN_MARGIN);
        while (true) {
            List<Scored> fetched = read(connection, query, query.exactSelect(limit));
            List<Scored> ranked = ranked(fetched);
            if (fetched.size() < limit) {
                return hits(ranked, k);
            }
            double lastBound = query.lowerBound(fetched.get(fetched.size() - 1).key());
            if (lastBound > ranked.get(k - 1).distance()) {
                return hits(ranked, k);
            }
            limit *= WIDENING;
        }
    }

    private List<Hit> indexSearch(Connection connection, Query query) throws SQLException {
        int k = query.near.topK();
        int limit = 2 * k + 10;
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.join("; ",
                    dialect.index().searchSettings(supportsIterativeScan(connection), limit)));
        }
        return hits(ranked(read(connection, query, query.indexSelect(limit))), k);
    }

    /** All scores are 0 (a zero query vector with cosine or dot): the first k eligible ids. */
    private List<Hit> firstIds(Connection connection, Query query) throws SQLException {
        List<Hit> hits = new ArrayList<>();
        BoundSql sql = new SqlBuilder().append("SELECT ").append(query.idColumn).append(" FROM ")
                .append(query.tables.qualified(query.tables.entity())).append(" " + SqlQueryCompiler.ALIAS + " WHERE ")
                .append(query.eligible).append(" ORDER BY ").append(dialect.codePointOrder(query.idColumn))
                .append(" LIMIT ").param(SqlParam.integer(query.near.topK())).build();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                hits.add(new Hit(result.getString(1), 0.0, Map.of()));
            }
        }
        return hits;
    }

    /** Runs a SELECT of id, vector text and key, and scores each row exactly. */
    private static List<Scored> read(Connection connection, Query query, BoundSql sql) throws SQLException {
        List<Scored> rows = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                float[] vector = PgvectorTypeMapping.parse(result.getString(2));
                rows.add(query.scored(result.getString(1), vector, result.getDouble(3)));
            }
        }
        return rows;
    }

    private boolean supportsIterativeScan(Connection connection) throws SQLException {
        Boolean known = iterativeScan;
        if (known == null) {
            String version = PostgresCatalog.extensionVersion(connection, "vector");
            known = version != null && atLeast(version, 0, 8);
            iterativeScan = known;
        }
        return known;
    }

    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("\\.");
        try {
            int actualMajor = Integer.parseInt(parts[0]);
            int actualMinor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return actualMajor > major || (actualMajor == major && actualMinor >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Scored> ranked(List<Scored> rows) {
        List<Scored> ranked = new ArrayList<>(rows);
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Scored::id, ValueOrder::compareText));
        return ranked;
    }

    private static List<Hit> hits(List<Scored> ranked, int k) {
        List<Hit> hits = new ArrayList<>(Math.min(k, ranked.size()));
        for (Scored row : ranked.subList(0, Math.min(k, ranked.size()))) {
            hits.add(new Hit(row.id(), row.score(), Map.of()));
        }
        return hits;
    }

    /** A fetched row: its exact score and exact distance, and the key it was ordered by. */
    private record Scored(String id, double score, double distance, double key) {
    }

    /** One near search: the query vector in the forms the SQL and the bounds need. */
    private final class Query {

        final SqlTables tables;
        final NearSpec near;
        final BoundSql eligible;
        final String idColumn;
        final String column;
        final double queryNorm;
        private final int dimension;

        Query(SqlTables tables, StoredField field, NearSpec near, BoundSql eligible) {
            this.tables = tables;
            this.near = near;
            this.eligible = eligible;
            this.idColumn = SqlQueryCompiler.ALIAS + "." + dialect.quote(Names.OBJECT_ID);
            this.column = SqlQueryCompiler.ALIAS + "." + dialect.quote(field.name());
            this.queryNorm = Math.sqrt(Similarity.score(Metric.DOT, near.vector(), near.vector()));
            this.dimension = near.vector().length;
        }

        /**
         * The first {@code limit} eligible rows by the lower-bound key (see the class comment), ties by
         * object_id. The norm (cosine and dot) is computed once per row, in a derived table that the
         * planner keeps ({@code OFFSET 0}).
         */
        BoundSql exactSelect(long limit) {
            SqlBuilder sql = new SqlBuilder().append("SELECT s.id, s.v, ");
            String column = "s.v";
            switch (near.metric()) {
                case COSINE:
                    sql.append("CASE WHEN s.norm BETWEEN " + SAFE_NORM_MIN + " AND " + SAFE_NORM_MAX + " THEN " + column
                            + " <=> ").param(PostgresParams.untyped(unitQueryText())).append("::vector ELSE -1 END");
                    break;
                case DOT:
                    sql.append("CASE WHEN s.norm <= " + SAFE_NORM_MAX + " THEN (" + column + " <#> ")
                            .param(PostgresParams.untyped(unitQueryText())).append("::vector) - ")
                            .param(SqlParam.real(2.0 * (dimension + 2) * UNIT_ROUNDING))
                            .append(" * s.norm ELSE '-Infinity'::float8 END");
                    break;
                default:
                    sql.append(column + " <-> ").param(PostgresParams.untyped(PgvectorTypeMapping.text(near.vector())))
                            .append("::vector");
            }
            String norm = near.metric() == Metric.L2 ? "0" : "vector_norm(" + this.column + ")";
            return sql.append(" FROM (SELECT ").append(idColumn).append(" AS id, ").append(this.column)
                    .append(" AS v, " + norm + " AS norm FROM ")
                    .append(tables.qualified(tables.entity())).append(" " + SqlQueryCompiler.ALIAS + " WHERE ")
                    .append(eligible).append(" OFFSET 0) s ORDER BY 3, ").append(dialect.codePointOrder("s.id"))
                    .append(" LIMIT ").param(SqlParam.integer(limit)).build();
        }

        /** The first {@code limit} eligible rows in the index's cosine order, a plain query the planner can serve from the index. */
        BoundSql indexSelect(int limit) {
            return new SqlBuilder().append("SELECT ").append(idColumn).append(", ").append(column).append(", ")
                    .append(column).append(" <=> ").param(PostgresParams.untyped(unitQueryText())).append("::vector FROM ")
                    .append(tables.qualified(tables.entity())).append(" " + SqlQueryCompiler.ALIAS + " WHERE ")
                    .append(eligible).append(" ORDER BY 3 LIMIT ").param(SqlParam.integer(limit)).build();
        }

        /** A value the exact distance of every row with this key is greater than or equal to. */
        double lowerBound(double key) {
            double slack = 1e-9 * Math.abs(key) + 1e-12;
            switch (near.metric()) {
                case COSINE:
                    return key - 8.0 * (dimension + 2) * UNIT_ROUNDING - slack;
                case DOT:
                    return key - slack;
                default:
                    // A float sum that overflowed means an exact distance of at least sqrt(Float.MAX_VALUE).
                    return Double.isInfinite(key) ? L2_OVERFLOW
                            : Math.min(L2_OVERFLOW, key / (1.0 + 2.0 * (dimension + 3) * UNIT_ROUNDING) - 1e-18 - slack);
            }
        }

        /** The engine's score of a stored vector, and its exact distance in the key's terms. */
        Scored scored(String id, float[] vector, double key) {
            double score = Similarity.score(near.metric(), vector, near.vector());
            double distance;
            switch (near.metric()) {
                case COSINE:
                    distance = 1.0 - score;
                    break;
                case DOT:
                    distance = -score / queryNorm;
                    break;
                default:
                    distance = Similarity.euclidean(vector, near.vector());
            }
            return new Scored(id, score, distance, key);
        }

        /** q/|q| in pgvector's text form (cosine and dot rank the same for any positive scale). */
        String unitQueryText() {
            float[] unit = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                unit[i] = (float) (near.vector()[i] / queryNorm);
            }
            return PgvectorTypeMapping.text(unit);
        }
    }
}
