package io.heavenbase.quarkus.deployment.requirements;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.heavenbase.ConfigurationException;

/**
 * The build-time check that a configured backend type can start in this Quarkus application, against the
 * application's class path. Types served by a Quarkus extension (JDBC drivers, the Elasticsearch client) are
 * explained in Quarkus words: the message names the extension to add. Other types keep the engine's check and
 * its Maven coordinates.
 */
public final class QuarkusRequirements {

    private static final String AGROAL_POOL = "io.agroal.pool.DataSource";
    private static final TypeRequirement POSTGRES = new TypeRequirement("the PostgreSQL JDBC driver",
            List.of("org.postgresql.Driver"), AGROAL_POOL, List.of("io.quarkus:quarkus-jdbc-postgresql"));
    private static final TypeRequirement MYSQL = new TypeRequirement("a MySQL or MariaDB JDBC driver",
            List.of("com.mysql.cj.jdbc.Driver", "org.mariadb.jdbc.Driver"), AGROAL_POOL,
            List.of("io.quarkus:quarkus-jdbc-mysql", "io.quarkus:quarkus-jdbc-mariadb"));

    /** Type to what it needs; a type not listed here has no Quarkus extension to name. */
    private static final Map<String, TypeRequirement> BY_TYPE = Map.of(
            "postgres", POSTGRES,
            "pgvector", POSTGRES,
            "mysql", MYSQL,
            "oceanbase", MYSQL,
            "mssql", new TypeRequirement("the SQL Server JDBC driver",
                    List.of("com.microsoft.sqlserver.jdbc.SQLServerDriver"), null,
                    List.of("io.quarkus:quarkus-jdbc-mssql")),
            "oracle", new TypeRequirement("the Oracle JDBC driver", List.of("oracle.jdbc.OracleDriver"), null,
                    List.of("io.quarkus:quarkus-jdbc-oracle")),
            "elasticsearch", new TypeRequirement("the Elasticsearch low-level REST client",
                    List.of("org.elasticsearch.client.RestClient"), null,
                    List.of("io.quarkus:quarkus-elasticsearch-rest-client")));

    private final Predicate<String> hasClass;

    /** Checks against this application's class path. */
    public QuarkusRequirements(ApplicationClassPath classPath) {
        this((Predicate<String>) classPath::hasClass);
    }

    /** Checks against the classes {@code hasClass} accepts (binary names). */
    QuarkusRequirements(Predicate<String> hasClass) {
        this.hasClass = hasClass;
    }

    /** Whether this check, rather than the engine's, decides for the type. */
    public static boolean covers(String type) {
        return BY_TYPE.containsKey(type);
    }

    /**
     * Fails with a {@link ConfigurationException} naming {@code heavenbase.backends."name".type} and the Quarkus
     * extension to add when the type cannot start. {@code servedByDataSource}: a Quarkus datasource will be
     * handed over, so no pool of the backend's own is needed.
     */
    public void require(String backendName, String type, boolean servedByDataSource) {
        TypeRequirement requirement = BY_TYPE.get(type);
        if (requirement == null) {
            return;
        }
        String property = "heavenbase.backends." + backendName + ".type";
        String subject = "backend '" + backendName + "' (" + property + "=" + type + ")";
        if (requirement.driverClasses().stream().noneMatch(hasClass)) {
            throw new ConfigurationException(property, subject + " needs " + requirement.label()
                    + ", which this application does not have: add the Quarkus extension "
                    + requirement.extensionsToAdd());
        }
        if (requirement.poolClass() != null && !servedByDataSource && !hasClass.test(requirement.poolClass())) {
            throw new ConfigurationException(property, subject + " has " + requirement.label()
                    + " but no datasource or connection pool: add the Quarkus extension "
                    + requirement.extensionsToAdd() + " (it brings quarkus-agroal's datasource)");
        }
    }
}
