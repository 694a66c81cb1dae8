package io.heavenbase.backend.sql.oracle;

import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.QuarkusRequirement;
import java.util.List;

/**
 * The {@code oracle} backend: Oracle Database 12.2 or later with the AL32UTF8 character set,
 * through ojdbc11. {@code url} is a {@code jdbc:oracle:} URL; {@code schema} is the owning schema
 * exactly as stored (usually upper case, e.g. {@code APP}) and defaults to the session's current
 * schema.
 */
public final class OracleProvider extends JdbcServerProvider {

    @Override
    public String type() {
        return "oracle";
    }

    @Override
    public CapabilityTable capabilities() {
        return OracleDialect.CAPABILITIES;
    }

    @Override
    public String missingDriver() {
        return "com.oracle.database.jdbc:ojdbc11";
    }

    @Override
    public QuarkusRequirement quarkusRequirement() {
        return new QuarkusRequirement("the Oracle JDBC driver", List.of(driverClass()), null,
                List.of("io.quarkus:quarkus-jdbc-oracle"));
    }

    @Override
    protected String driverClass() {
        return "oracle.jdbc.OracleDriver";
    }

    @Override
    protected String urlPrefix() {
        return "jdbc:oracle:";
    }

    @Override
    protected SqlDialect dialect() {
        return new OracleDialect();
    }
}
