package io.heavenbase.quarkus.deployment.support;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.maven.dependency.Dependency;

/**
 * Plain JDBC drivers and clients a single test application adds ({@code QuarkusUnitTest.setForcedDependencies}),
 * without their Quarkus extension. None of them is on this module's test class path, so every other test application
 * is without them: the deployment module's own class path has {@code org.postgresql} only through the embedded
 * PostgreSQL of the Dev Services, which does not count as the application's.
 * <p>
 * Versions are those quarkus-bom manages, handed over by the build as {@code test-driver.<artifactId>.version}
 * system properties (deployment/pom.xml).
 */
public final class Drivers {

    private Drivers() {
    }

    /** {@code org.postgresql:postgresql}, at the version the embedded PostgreSQL brings. */
    public static Dependency postgres() {
        return Dependency.of("org.postgresql", "postgresql", org.postgresql.util.DriverInfo.DRIVER_VERSION);
    }

    /** These dependencies and {@link #postgres()}. */
    public static List<Dependency> withPostgres(List<Dependency> others) {
        return with(postgres(), others);
    }

    /** These dependencies and one driver. */
    public static List<Dependency> with(Dependency driver, List<Dependency> others) {
        List<Dependency> all = new ArrayList<>(others);
        all.add(driver);
        return all;
    }

    /** MySQL Connector/J. */
    public static Dependency mysql() {
        return managed("com.mysql", "mysql-connector-j");
    }

    /** The MariaDB JDBC driver. */
    public static Dependency mariadb() {
        return managed("org.mariadb.jdbc", "mariadb-java-client");
    }

    /** The SQL Server JDBC driver. */
    public static Dependency mssql() {
        return managed("com.microsoft.sqlserver", "mssql-jdbc");
    }

    /** The Oracle JDBC driver. */
    public static Dependency oracle() {
        return managed("com.oracle.database.jdbc", "ojdbc11");
    }

    /** The Elasticsearch low-level REST client. */
    public static Dependency elasticsearchClient() {
        return managed("org.elasticsearch.client", "elasticsearch-rest-client");
    }

    /** The Milvus Java SDK. */
    public static Dependency milvus() {
        return managed("io.milvus", "milvus-sdk-java");
    }

    /** The DuckDB JDBC driver. */
    public static Dependency duckdb() {
        return managed("org.duckdb", "duckdb_jdbc");
    }

    /** {@code io.trino:trino-jdbc}. */
    public static Dependency trino() {
        return managed("io.trino", "trino-jdbc");
    }

    private static Dependency managed(String groupId, String artifactId) {
        String property = "test-driver." + artifactId + ".version";
        String version = System.getProperty(property);
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the test through "
                    + "Maven (deployment/pom.xml sets it for surefire)");
        }
        return Dependency.of(groupId, artifactId, version);
    }
}
