package io.heavenbase.bench.rows;

import io.heavenbase.bench.data.DuckdbItemTable;
import io.heavenbase.bench.data.ItemJdbc;
import io.heavenbase.bench.data.ItemStore;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Point get by id in DuckDB: {@code ws.get} on the duckdb backend (in-memory) vs a raw prepared
 * statement on an identical table in another in-memory database, loaded with the same rows by the
 * Appender (two in-memory databases cannot share a table).
 */
public class PointGetDuckdb extends PointGetBenchmark {

    private PreparedStatement byId;

    @Override
    protected ItemStore openStore(int size) throws SQLException {
        ItemStore store = ItemStore.duckdb(size);
        byId = store.prepare(DuckdbItemTable.BY_ID);
        return store;
    }

    @Override
    protected Object get(String id) throws SQLException {
        return ItemJdbc.get(byId, id);
    }
}
