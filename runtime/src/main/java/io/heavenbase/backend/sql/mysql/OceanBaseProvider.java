package io.heavenbase.backend.sql.mysql;

/**
 * The {@code oceanbase} backend: OceanBase in MySQL mode through MySQL Connector/J, with the
 * settings of {@link MysqlProvider} ({@code url}, {@code username}, {@code password},
 * {@code schema}, or a DataSource).
 */
public final class OceanBaseProvider extends MysqlProvider {

    /** The {@code oceanbase} type. */
    public OceanBaseProvider() {
        super("oceanbase");
    }

    @Override
    protected MysqlDialect dialect(MysqlServer server) {
        return new OceanBaseDialect(server);
    }
}
