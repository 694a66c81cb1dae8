package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemStore;
import java.sql.SQLException;

/** Read scaling on a SQLite file. */
public class ParallelReadsSqlite extends ParallelReadsBenchmark {

    @Override
    protected ItemStore openStore(int size) throws SQLException {
        return ItemStore.sqlite("reads-sqlite", size);
    }
}
