package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.heavenbase.ConfigurationException;

/**
 * Each type a Quarkus extension serves × {nothing added, the plain driver, the Quarkus extension}: the exact
 * message, or no failure. "The extension" is what it puts on the class path: the driver and Agroal's pool.
 */
class QuarkusRequirementsTest {

    private static final String POOL = "io.agroal.pool.DataSource";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgres|the PostgreSQL JDBC driver|io.quarkus:quarkus-jdbc-postgresql",
            "pgvector|the PostgreSQL JDBC driver|io.quarkus:quarkus-jdbc-postgresql",
            "mysql|a MySQL or MariaDB JDBC driver|io.quarkus:quarkus-jdbc-mysql or io.quarkus:quarkus-jdbc-mariadb",
            "oceanbase|a MySQL or MariaDB JDBC driver|io.quarkus:quarkus-jdbc-mysql or io.quarkus:quarkus-jdbc-mariadb",
            "mssql|the SQL Server JDBC driver|io.quarkus:quarkus-jdbc-mssql",
            "oracle|the Oracle JDBC driver|io.quarkus:quarkus-jdbc-oracle",
            "elasticsearch|the Elasticsearch low-level REST client|io.quarkus:quarkus-elasticsearch-rest-client"})
    void nothingAdded_failsNamingTheQuarkusExtension(String type, String label, String extension) {
        assertThatThrownBy(() -> new QuarkusRequirements(name -> false).require("main", type, false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("backend 'main' (heavenbase.backends.main.type=" + type + ") needs " + label
                        + ", which this application does not have: add the Quarkus extension " + extension)
                .hasMessageNotContaining("hand over").hasMessageNotContaining("org.postgresql:postgresql");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgres|org.postgresql.Driver|the PostgreSQL JDBC driver|io.quarkus:quarkus-jdbc-postgresql",
            "mysql|com.mysql.cj.jdbc.Driver|a MySQL or MariaDB JDBC driver|"
                    + "io.quarkus:quarkus-jdbc-mysql or io.quarkus:quarkus-jdbc-mariadb",
            "mysql|org.mariadb.jdbc.Driver|a MySQL or MariaDB JDBC driver|"
                    + "io.quarkus:quarkus-jdbc-mysql or io.quarkus:quarkus-jdbc-mariadb"})
    void plainDriverWithoutPoolOrDataSource_failsNamingTheQuarkusExtension(String type, String driver, String label,
            String extension) {
        assertThatThrownBy(() -> new QuarkusRequirements(Set.of(driver)::contains).require("main", type, false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("backend 'main' (heavenbase.backends.main.type=" + type + ") has " + label
                        + " but no datasource or connection pool: add the Quarkus extension " + extension
                        + " (it brings quarkus-agroal's datasource)");
    }

    @ParameterizedTest
    @CsvSource({"postgres,org.postgresql.Driver", "pgvector,org.postgresql.Driver", "mysql,com.mysql.cj.jdbc.Driver",
            "mysql,org.mariadb.jdbc.Driver", "oceanbase,org.mariadb.jdbc.Driver"})
    void pooledTypes_plainDriverStartsWithAgroalsPoolOrWithADataSource(String type, String driver) {
        assertThatCode(() -> new QuarkusRequirements(Set.of(driver, POOL)::contains).require("main", type, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> new QuarkusRequirements(Set.of(driver)::contains).require("main", type, true))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"mssql,com.microsoft.sqlserver.jdbc.SQLServerDriver", "oracle,oracle.jdbc.OracleDriver",
            "elasticsearch,org.elasticsearch.client.RestClient"})
    void unpooledTypes_plainDriverOrClientStarts(String type, String driver) {
        assertThatCode(() -> new QuarkusRequirements(Set.of(driver)::contains).require("main", type, false))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"postgres,org.postgresql.Driver", "mysql,com.mysql.cj.jdbc.Driver", "mysql,org.mariadb.jdbc.Driver",
            "mssql,com.microsoft.sqlserver.jdbc.SQLServerDriver", "oracle,oracle.jdbc.OracleDriver",
            "elasticsearch,org.elasticsearch.client.RestClient"})
    void quarkusExtension_starts(String type, String driver) {
        assertThatCode(() -> new QuarkusRequirements(Set.of(driver, POOL)::contains).require("main", type, true))
                .doesNotThrowAnyException();
    }

    @Test
    void typesWithoutAQuarkusExtensionAreLeftToTheEnginesCheck() {
        assertThatCode(() -> new QuarkusRequirements(name -> false).require("vec", "lance", false))
                .doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(QuarkusRequirements.covers("milvus")).isFalse();
        org.assertj.core.api.Assertions.assertThat(QuarkusRequirements.covers("postgres")).isTrue();
    }
}
