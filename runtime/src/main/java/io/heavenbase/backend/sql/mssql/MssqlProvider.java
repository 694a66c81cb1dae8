package io.heavenbase.backend.sql.mssql;

import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.spi.QuarkusRequirement;
import io.heavenbase.spi.support.DriverProbe;
import java.util.List;

/**
 * The {@code mssql} backend: Microsoft SQL Server 2019 or later (UTF-8 collations) or Azure SQL,
 * through mssql-jdbc. {@code url} is a {@code jdbc:sqlserver:} URL; {@code schema} defaults to the
 * login's default schema.
 */
public final class MssqlProvider extends JdbcServerProvider {

    /** The {@code mssql} type. */
    public MssqlProvider() {
        super("mssql", MssqlDialect.CAPABILITIES, new DriverProbe("the SQL Server JDBC driver",
                "com.microsoft.sqlserver:mssql-jdbc", List.of("com.microsoft.sqlserver.jdbc.SQLServerDriver")),
                "jdbc:sqlserver:", MssqlDialect::new);
    }

    @Override
    public QuarkusRequirement quarkusRequirement() {
        return quarkusDriver("io.quarkus:quarkus-jdbc-mssql");
    }
}
