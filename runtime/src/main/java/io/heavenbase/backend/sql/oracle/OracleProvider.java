package io.heavenbase.backend.sql.oracle;

import io.heavenbase.backend.sql.JdbcServerProvider;
import io.heavenbase.spi.QuarkusRequirement;
import io.heavenbase.spi.support.DriverProbe;
import java.util.List;

/**
 * The {@code oracle} backend: Oracle Database 12.2 or later with the AL32UTF8 character set,
 * through ojdbc11. {@code url} is a {@code jdbc:oracle:} URL; {@code schema} is the owning schema
 * exactly as stored (usually upper case, e.g. {@code APP}) and defaults to the session's current
 * schema.
 */
public final class OracleProvider extends JdbcServerProvider {

    /** The {@code oracle} type. */
    public OracleProvider() {
        super("oracle", OracleDialect.CAPABILITIES, new DriverProbe("the Oracle JDBC driver",
                "com.oracle.database.jdbc:ojdbc11", List.of("oracle.jdbc.OracleDriver")),
                "jdbc:oracle:", OracleDialect::new);
    }

    @Override
    public QuarkusRequirement quarkusRequirement() {
        return quarkusDriver("io.quarkus:quarkus-jdbc-oracle");
    }
}
