package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.ItemStore;
import io.heavenbase.bench.data.SqliteItemTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Point get by id in a SQLite file: {@code ws.get} vs a raw prepared statement on the same table. */
public class PointGetSqlite extends PointGetBenchmark {

    private PreparedStatement byId;

    @Override
    protected ItemStore openStore(int size) throws SQLException {
        ItemStore store = ItemStore.sqlite("get-sqlite", size);
        byId = store.prepare(SqliteItemTable.BY_ID);
        return store;
    }

    @Override
    protected Object get(String id) throws SQLException {
        return ItemJdbc.get(byId, id);
    }
}
