package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.AutoCommitConnectionSource;
import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.capability.CapabilityTable;

/**
 * The {@code starrocks} backend: StarRocks 3.x over the MySQL protocol, through MySQL Connector/J.
 * {@code url} is a {@code jdbc:mysql://fe-host:9030/database} URL (add
 * {@code rewriteBatchedStatements=true} so a batch of rows becomes one INSERT, i.e. one load);
 * {@code schema}, when set, names the database. Writes run in auto-commit.
 */
public final class StarRocksProvider extends JdbcServerProvider {

    @Override
    public String type() {
        return "starrocks";
    }

    @Override
    public CapabilityTable capabilities() {
        return StarRocksDialect.CAPABILITIES;
    }

    @Override
    public String missingDriver() {
        return "com.mysql:mysql-connector-j";
    }

    @Override
    protected String driverClass() {
        return "com.mysql.cj.jdbc.Driver";
    }

    @Override
    protected String urlPrefix() {
        return "jdbc:mysql:";
    }

    @Override
    protected SqlDialect dialect() {
        return new StarRocksDialect();
    }

    @Override
    protected ConnectionSource adapt(ConnectionSource connections) {
        return new AutoCommitConnectionSource(connections);
    }
}
