package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code type=mysql} with {@code quarkus-jdbc-mariadb}, the natural choice for MariaDB: the build accepts it and
 * the backend stores and reads rows through the MariaDB driver's datasource (local MariaDB, database test).
 */
class MysqlWithMariaDbExtensionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Extensions.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-jdbc-mariadb"))
            .overrideConfigKey("quarkus.datasource.db-kind", "mariadb")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:mariadb://127.0.0.1:3306/test")
            .overrideConfigKey("quarkus.datasource.username", "root")
            .overrideConfigKey("heavenbase.backends.main.type", "mysql")
            .overrideRuntimeConfigKey("heavenbase.backends.main.prefix", "hbq_h1_maria_");

    @Inject
    DataSource dataSource;

    @Inject
    Workspace workspace;

    @Test
    void theBackendRunsOnTheMariaDbDriver() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(metaData.getDriverName()).containsIgnoringCase("mariadb");
        }
        EntitySchema note = workspace.register(EntitySchema.builder("note").field("label", "ShortText").build());
        workspace.upsert(note, Map.of("object_id", "n1", "label", "hello"));

        assertThat(workspace.get(note, "n1").orElseThrow().get("label")).isEqualTo("hello");
        assertThat(workspace.health()).singleElement().satisfies(health -> assertThat(health.type()).isEqualTo("mysql"));
    }
}
