package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.ItemStore;
import io.heavenbase.bench.data.SqliteItemTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The filtered query in a SQLite file: HeavenBase vs a raw prepared statement on the same table. */
public class FilteredQuerySqlite extends FilteredQueryBenchmark {

    private PreparedStatement filtered;

    @Override
    protected ItemStore openStore(int size) throws SQLException {
        ItemStore store = ItemStore.sqlite("query-sqlite", size);
        filtered = store.prepare(SqliteItemTable.FILTERED);
        return store;
    }

    @Override
    protected Object query(String category) throws SQLException {
        return ItemJdbc.filtered(filtered, category, MIN_QTY, LIMIT);
    }
}
