package io.heavenbase.backend.sql.trino;

import io.heavenbase.backend.sql.AutoCommitConnectionSource;
import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.spi.support.DriverProbe;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The {@code trino} backend: a Trino catalog whose connector can CREATE TABLE, MERGE and DELETE
 * (Iceberg, Delta Lake), through trino-jdbc. {@code url} is a {@code jdbc:trino://host:port/catalog/schema}
 * URL; {@code schema}, when set, names the schema inside that catalog. Writes run in auto-commit.
 */
public final class TrinoProvider extends JdbcServerProvider {

    static final String EXPLICIT_PREPARE = "explicitPrepare";

    /** The {@code trino} type. */
    public TrinoProvider() {
        super("trino", TrinoDialect.CAPABILITIES, new DriverProbe("the Trino JDBC driver", "io.trino:trino-jdbc",
                List.of("io.trino.jdbc.TrinoDriver")), "jdbc:trino:", TrinoDialect::new);
    }

    /**
     * {@code explicitPrepare=false} unless the URL sets it: trino-jdbc then runs a prepared statement
     * as one {@code EXECUTE IMMEDIATE} query instead of a {@code PREPARE} query followed by an
     * {@code EXECUTE} query, and every Trino query costs a round of scheduling (Trino 431 and later
     * understand it). The driver refuses a property given both in the URL and as a property, so a
     * URL that names it keeps its own value.
     */
    @Override
    protected void driverProperties(String url, Properties properties) {
        if (!url.toLowerCase(Locale.ROOT).contains(EXPLICIT_PREPARE.toLowerCase(Locale.ROOT))) {
            properties.setProperty(EXPLICIT_PREPARE, "false");
        }
    }

    @Override
    protected ConnectionSource adapt(ConnectionSource connections) {
        return new AutoCommitConnectionSource(connections);
    }
}
