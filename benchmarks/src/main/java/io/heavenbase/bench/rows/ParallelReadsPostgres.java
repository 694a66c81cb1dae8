package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemStore;
import java.sql.SQLException;

/** Read scaling on PostgreSQL: one workspace, and so its connection pool of 8, shared by every thread. */
public class ParallelReadsPostgres extends ParallelReadsBenchmark {

    static final String PREFIX = "hb_bench_reads_";

    @Override
    protected ItemStore openStore(int size) throws SQLException {
        return ItemStore.postgres(PREFIX, size);
    }
}
