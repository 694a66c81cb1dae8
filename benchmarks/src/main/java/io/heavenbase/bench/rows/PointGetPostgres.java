package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.ItemStore;
import io.heavenbase.bench.data.PostgresItemTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Point get by id on PostgreSQL ({@code HEAVENBASE_TEST_POSTGRES_URL}): {@code ws.get} on the
 * postgres backend vs a raw prepared statement on the table it created.
 */
public class PointGetPostgres extends PointGetBenchmark {

    static final String PREFIX = "hb_bench_get_";

    private PreparedStatement byId;

    @Override
    protected ItemStore openStore(int size) throws SQLException {
        ItemStore store = ItemStore.postgres(PREFIX, size);
        byId = store.prepare(ItemJdbc.byId(PostgresItemTable.table(PREFIX)));
        return store;
    }

    @Override
    protected Object get(String id) throws SQLException {
        return ItemJdbc.get(byId, id);
    }
}
