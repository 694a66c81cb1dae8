package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.AutoCommitConnectionSource;
import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.spi.support.DriverProbe;
import java.util.List;

/**
 * The {@code starrocks} backend: StarRocks 3.x over the MySQL protocol, through MySQL Connector/J.
 * {@code url} is a {@code jdbc:mysql://fe-host:9030/database} URL (add
 * {@code rewriteBatchedStatements=true} so a batch of rows becomes one INSERT, i.e. one load);
 * {@code schema}, when set, names the database. Writes run in auto-commit.
 */
public final class StarRocksProvider extends JdbcServerProvider {

    /** The {@code starrocks} type. */
    public StarRocksProvider() {
        super("starrocks", StarRocksDialect.CAPABILITIES, new DriverProbe("MySQL Connector/J",
                "com.mysql:mysql-connector-j", List.of("com.mysql.cj.jdbc.Driver")),
                "jdbc:mysql:", StarRocksDialect::new);
    }

    @Override
    protected ConnectionSource adapt(ConnectionSource connections) {
        return new AutoCommitConnectionSource(connections);
    }
}
