package io.heavenbase.backend.sql.mssql;

import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.QuarkusRequirement;
import java.util.List;

/**
 * The {@code mssql} backend: Microsoft SQL Server 2019 or later (UTF-8 collations) or Azure SQL,
 * through mssql-jdbc. {@code url} is a {@code jdbc:sqlserver:} URL; {@code schema} defaults to the
 * login's default schema.
 */
public final class MssqlProvider extends JdbcServerProvider {

    @Override
    public String type() {
        return "mssql";
    }

    @Override
    public CapabilityTable capabilities() {
        return MssqlDialect.CAPABILITIES;
    }

    @Override
    public String missingDriver() {
        return "com.microsoft.sqlserver:mssql-jdbc";
    }

    @Override
    public QuarkusRequirement quarkusRequirement() {
        return new QuarkusRequirement("the SQL Server JDBC driver", List.of(driverClass()), null,
                List.of("io.quarkus:quarkus-jdbc-mssql"));
    }

    @Override
    protected String driverClass() {
        return "com.microsoft.sqlserver.jdbc.SQLServerDriver";
    }

    @Override
    protected String urlPrefix() {
        return "jdbc:sqlserver:";
    }

    @Override
    protected SqlDialect dialect() {
        return new MssqlDialect();
    }
}
