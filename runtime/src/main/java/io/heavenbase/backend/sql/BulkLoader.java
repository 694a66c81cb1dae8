package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A dialect's fast path for writing many rows of one table inside the caller's transaction, used
 * instead of JDBC batches when {@link SqlDialect#bulkLoader()} returns one (DuckDB: its Appender,
 * where a JDBC batch costs about 400 µs per row; PostgreSQL: COPY into a staging table). Each row holds one parameter per column, in
 * column order, as the dialect's {@link SqlTypeMapping} produced it.
 */
public interface BulkLoader {

    /**
     * Inserts the rows into the entity table {@code table}; a row whose {@code object_id} (the
     * first column) is already stored gets every listed column replaced. Ids are distinct.
     */
    void upsert(Connection connection, SqlTables tables, String table, List<String> columns, List<List<SqlParam>> rows)
            throws SQLException;

    /** Inserts the rows into {@code table}; none of them clashes with a stored key. */
    void insert(Connection connection, SqlTables tables, String table, List<String> columns, List<List<SqlParam>> rows)
            throws SQLException;
}
