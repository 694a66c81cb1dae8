package io.heavenbase.bench;

import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.rows.BulkInsertHibernate;
import io.heavenbase.bench.rows.BulkUpsertDuckdb;
import io.heavenbase.bench.rows.BulkUpsertHalfStoredPostgres;
import io.heavenbase.bench.rows.BulkUpsertHalfStoredSqlite;
import io.heavenbase.bench.rows.BulkUpsertLongTextPostgres;
import io.heavenbase.bench.rows.BulkUpsertLongTextSqlite;
import io.heavenbase.bench.rows.BulkUpsertMysql;
import io.heavenbase.bench.rows.BulkUpsertPostgres;
import io.heavenbase.bench.rows.BulkUpsertSqlite;
import io.heavenbase.bench.rows.FilterThenNear;
import io.heavenbase.bench.rows.FilteredNearLangchain4j;
import io.heavenbase.bench.rows.FilteredQueryHibernate;
import io.heavenbase.bench.rows.FilteredQueryPostgres;
import io.heavenbase.bench.rows.FilteredQuerySqlite;
import io.heavenbase.bench.rows.HybridSearch;
import io.heavenbase.bench.rows.NearInmem;
import io.heavenbase.bench.rows.NearLangchain4j;
import io.heavenbase.bench.rows.NearPgvector;
import io.heavenbase.bench.rows.ParallelReadsPostgres;
import io.heavenbase.bench.rows.ParallelReadsSqlite;
import io.heavenbase.bench.rows.PointGetDuckdb;
import io.heavenbase.bench.rows.PointGetHibernate;
import io.heavenbase.bench.rows.PointGetPostgres;
import io.heavenbase.bench.rows.PointGetSqlite;
import io.heavenbase.bench.rows.SearchElasticsearch;
import io.heavenbase.bench.rows.SearchSqlite;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Every JMH row of the table, in the order printed. A new backend's row is one more entry. */
public final class BenchmarkRows {

    private BenchmarkRows() {
    }

    public static List<BenchmarkRow> all() {
        return List.of(
                new BenchmarkRow("bulk upsert 100k rows (sqlite)", "raw JDBC batch in one transaction",
                        Target.atLeast(0.8), BulkUpsertSqlite.class, Effort.SLOW_OPERATIONS, Optional::empty),
                new BenchmarkRow("bulk upsert 100k rows, half the ids stored (sqlite)",
                        "raw JDBC batch in one transaction", Target.atLeast(0.7), BulkUpsertHalfStoredSqlite.class,
                        Effort.SLOW_OPERATIONS, Optional::empty),
                new BenchmarkRow("bulk upsert 100k rows, one indexed LongText (sqlite)",
                        "raw JDBC batch, FTS5 external-content table kept by triggers", Target.report(),
                        BulkUpsertLongTextSqlite.class, Effort.SLOW_OPERATIONS, Optional::empty),
                new BenchmarkRow("point get by id (sqlite)", "raw prepared statement",
                        Target.atLeast(0.9), PointGetSqlite.class, Effort.FAST_OPERATIONS, Optional::empty),
                new BenchmarkRow("filtered query, 20 rows (sqlite)", "raw prepared statement",
                        Target.atLeast(0.9), FilteredQuerySqlite.class, Effort.FAST_OPERATIONS, Optional::empty),
                new BenchmarkRow("search top-10 over 100k short documents (sqlite)", "raw FTS5 bm25() query",
                        Target.atLeast(0.9), SearchSqlite.class, Effort.FAST_OPERATIONS, Optional::empty),
                new BenchmarkRow("filtered query, 20 rows (postgres)", "raw prepared statement",
                        Target.atLeast(0.9), FilteredQueryPostgres.class, Effort.FAST_OPERATIONS, POSTGRES),
                new BenchmarkRow("near top-10 over 50k × 128 (inmem)", "a plain Java loop over float[]",
                        Target.atLeast(0.9), NearInmem.class, Effort.FAST_OPERATIONS, Optional::empty),
                new BenchmarkRow("filter on `main` (sqlite) + near on `vec` (inmem)",
                        "hand-written two-step code over the same two stores",
                        Target.atLeast(1.0), FilterThenNear.class, Effort.FAST_OPERATIONS, Optional::empty),
                new BenchmarkRow("reads from 4 threads vs 1 thread (sqlite)", "same workload on 1 thread",
                        Target.atLeast(1.6), ParallelReadsSqlite.class, Effort.FAST_OPERATIONS, Optional::empty),
                // Baselines added 2026-11-24 (issue #7).
                new BenchmarkRow("bulk upsert 100k rows (postgres)", "raw JDBC batch in one transaction",
                        Target.atLeast(0.8), BulkUpsertPostgres.class, Effort.SLOW_OPERATIONS, POSTGRES),
                new BenchmarkRow("bulk upsert 100k rows (mysql)", "raw JDBC batch in one transaction",
                        Target.atLeast(0.8), BulkUpsertMysql.class, Effort.SLOW_OPERATIONS, MYSQL),
                new BenchmarkRow("bulk write 100k new rows (postgres)", "Hibernate ORM batch insert (persist, JDBC batches)",
                        Target.atLeast(1.5), BulkInsertHibernate.class, Effort.SLOW_OPERATIONS, POSTGRES),
                new BenchmarkRow("point get by id (postgres)", "raw prepared statement",
                        Target.atLeast(0.9), PointGetPostgres.class, Effort.FAST_OPERATIONS, POSTGRES),
                new BenchmarkRow("point get by id (postgres) vs ORM", "Hibernate ORM `session.find`",
                        Target.atLeast(0.9), PointGetHibernate.class, Effort.FAST_OPERATIONS, POSTGRES),
                new BenchmarkRow("filtered query, 20 rows (postgres) vs ORM", "Hibernate ORM HQL query",
                        Target.atLeast(0.9), FilteredQueryHibernate.class, Effort.FAST_OPERATIONS, POSTGRES),
                new BenchmarkRow("reads from 4 threads vs 1 thread (postgres)", "same workload on 1 thread",
                        Target.atLeast(1.6), ParallelReadsPostgres.class, Effort.FAST_OPERATIONS, POSTGRES),
                new BenchmarkRow("bulk upsert 100k rows, half the ids stored (postgres)",
                        "raw JDBC batch in one transaction", Target.atLeast(0.7), BulkUpsertHalfStoredPostgres.class,
                        Effort.SLOW_OPERATIONS, POSTGRES),
                new BenchmarkRow("bulk upsert 100k rows, one indexed LongText (postgres)",
                        "raw JDBC batch, GIN index on `to_tsvector('simple', body)`", Target.report(),
                        BulkUpsertLongTextPostgres.class, Effort.SLOW_OPERATIONS, POSTGRES),
                new BenchmarkRow("bulk upsert 100k rows (duckdb)", "DuckDB Appender",
                        Target.atLeast(0.8), BulkUpsertDuckdb.class, Effort.SLOW_OPERATIONS, DUCKDB),
                new BenchmarkRow("point get by id (duckdb)", "raw prepared statement",
                        Target.atLeast(0.9), PointGetDuckdb.class, Effort.FAST_OPERATIONS, DUCKDB),
                new BenchmarkRow("near top-10 over 50k × 128 (pgvector)", "raw SQL `ORDER BY embedding <=> ? LIMIT 10`",
                        Target.atLeast(0.9), NearPgvector.class, Effort.FAST_OPERATIONS, PGVECTOR),
                new BenchmarkRow("near top-10 over 50k × 128 (pgvector) vs LangChain4j",
                        "LangChain4j `PgVectorEmbeddingStore.search`",
                        Target.atLeast(1.0), NearLangchain4j.class, Effort.FAST_OPERATIONS, PGVECTOR),
                new BenchmarkRow("filter + near top-10 over 50k × 128 (pgvector) vs LangChain4j",
                        "LangChain4j `PgVectorEmbeddingStore.search` with a metadata filter",
                        Target.atLeast(1.0), FilteredNearLangchain4j.class, Effort.FAST_OPERATIONS, PGVECTOR),
                // Issue #15: ranked search on a search node, and hybrid search fused across three servers.
                new BenchmarkRow("search top-10 over 100k documents (elasticsearch)", "raw REST `match` query",
                        Target.atLeast(0.9), SearchElasticsearch.class, Effort.FAST_OPERATIONS, SEARCH_NODE),
                new BenchmarkRow("hybrid top-10 over 50k documents: filter on postgres, search on elasticsearch, "
                        + "near on pgvector", "hand-written: ids from postgres, the REST `match` and pgvector queries "
                        + "on them, RRF in Java", Target.atLeast(1.0), HybridSearch.class, Effort.FAST_OPERATIONS,
                        () -> Services.firstOf(POSTGRES, PGVECTOR, SEARCH_NODE)));
    }

    private static final Supplier<Optional<String>> POSTGRES = () -> Services.firstOf(
            () -> Services.missingBackend("postgres"),
            () -> Services.unreachable(Services.postgresUrl(), Services.POSTGRES_VARIABLE));
    private static final Supplier<Optional<String>> PGVECTOR = () -> Services.firstOf(
            () -> Services.missingBackend("pgvector"),
            () -> Services.unreachable(Services.pgvectorUrl(), Services.PGVECTOR_VARIABLE));
    private static final Supplier<Optional<String>> MYSQL = () -> Services.firstOf(
            () -> Services.missingBackend("mysql"),
            () -> Services.unreachable(Services.mysqlUrl(), Services.MYSQL_VARIABLE));
    /** Starts an OpenSearch node in this JVM when no server is configured (see {@link Services#searchNode}). */
    private static final Supplier<Optional<String>> SEARCH_NODE = () -> Services.firstOf(
            () -> Services.missingBackend("elasticsearch"), Services::searchNode);
    private static final Supplier<Optional<String>> DUCKDB = () -> Services.missingBackend("duckdb");
}
