package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.EmbeddedProvider;
import io.heavenbase.spi.support.DriverProbe;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code duckdb} backend: an embedded DuckDB database through {@code org.duckdb:duckdb_jdbc}.
 * Setting {@code database}: {@code :memory:} (the default) or a file path.
 */
public final class DuckdbProvider extends EmbeddedProvider {

    /** The {@code duckdb} type. */
    public DuckdbProvider() {
        super("duckdb", DuckdbDialect.CAPABILITIES, new DriverProbe("the DuckDB JDBC driver",
                "org.duckdb:duckdb_jdbc", List.of("org.duckdb.DuckDBDriver")), "DuckDB",
                "':memory:' or a file path.", DuckdbDialect::new);
    }

    @Override
    protected ConnectionSource connect(String database) throws SQLException, IOException {
        return DuckdbDatabase.open(database);
    }
}
