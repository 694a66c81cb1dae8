package io.heavenbase.bench;

import io.heavenbase.bench.rows.BulkUpsertSqlite;
import io.heavenbase.bench.rows.FilterThenNear;
import io.heavenbase.bench.data.Services;
import io.heavenbase.bench.rows.FilteredQueryPostgres;
import io.heavenbase.bench.rows.FilteredQuerySqlite;
import io.heavenbase.bench.rows.NearInmem;
import io.heavenbase.bench.rows.ParallelReadsSqlite;
import io.heavenbase.bench.rows.PointGetSqlite;
import java.util.List;
import java.util.Optional;

/** Every JMH row of the table, in the order printed. A new backend's row is one more entry. */
public final class BenchmarkRows {

    private BenchmarkRows() {
    }

    public static List<BenchmarkRow> all() {
        return List.of(
                new BenchmarkRow("bulk upsert 100k rows (sqlite)", "raw JDBC batch in one transaction",
                        Target.atLeast(0.9), BulkUpsertSqlite.class, Effort.SLOW_OPERATIONS, Optional::empty),
                new BenchmarkRow("point get by id (sqlite)", "raw prepared statement",
                        Target.atLeast(0.9), PointGetSqlite.class, Effort.FAST_OPERATIONS, Optional::empty),
                new BenchmarkRow("filtered query, 20 rows (sqlite)", "raw prepared statement",
                        Target.atLeast(0.9), FilteredQuerySqlite.class, Effort.FAST_OPERATIONS, Optional::empty),
                new BenchmarkRow("filtered query, 20 rows (postgres)", "raw prepared statement",
                        Target.atLeast(0.9), FilteredQueryPostgres.class, Effort.FAST_OPERATIONS,
                        () -> Services.firstOf(() -> Services.missingBackend("postgres"),
                                () -> Services.unreachable(Services.postgresUrl(), Services.POSTGRES_VARIABLE))),
                new BenchmarkRow("near top-10 over 50k × 128 (inmem)", "a plain Java loop over float[]",
                        Target.atLeast(0.9), NearInmem.class, Effort.FAST_OPERATIONS, Optional::empty),
                new BenchmarkRow("filter on `main` (sqlite) + near on `vec` (inmem)",
                        "hand-written two-step code over the same two stores",
                        Target.atLeast(1.0), FilterThenNear.class, Effort.FAST_OPERATIONS, Optional::empty),
                new BenchmarkRow("reads from 4 threads vs 1 thread (sqlite)", "same workload on 1 thread",
                        Target.atLeast(1.6), ParallelReadsSqlite.class, Effort.FAST_OPERATIONS, Optional::empty));
    }
}
