package io.heavenbase.backend.sql;

import io.heavenbase.capability.CapabilityTable;

/**
 * The {@code trino} backend: a Trino catalog whose connector can CREATE TABLE, MERGE and DELETE
 * (Iceberg, Delta Lake), through trino-jdbc. {@code url} is a {@code jdbc:trino://host:port/catalog/schema}
 * URL; {@code schema}, when set, names the schema inside that catalog. Writes run in auto-commit.
 */
public final class TrinoProvider extends JdbcServerProvider {

    @Override
    public String type() {
        return "trino";
    }

    @Override
    public CapabilityTable capabilities() {
        return TrinoDialect.CAPABILITIES;
    }

    @Override
    public String missingDriver() {
        return "io.trino:trino-jdbc";
    }

    @Override
    protected String driverClass() {
        return "io.trino.jdbc.TrinoDriver";
    }

    @Override
    protected String urlPrefix() {
        return "jdbc:trino:";
    }

    @Override
    protected SqlDialect dialect() {
        return new TrinoDialect();
    }

    @Override
    protected ConnectionSource adapt(ConnectionSource connections) {
        return new AutoCommitConnectionSource(connections);
    }
}
