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
 * A {@code postgres} backend without a connection gets a PostgreSQL 17 started by HeavenBase Dev Services from the
 * embedded binaries, with no container runtime (none exists on the build machines), and the workspace stores its
 * rows there.
 */
class DevServicesPostgresTest {

    @HeavenEntity("order-line")
    public static class OrderLine {
        @Field("ShortText")
        public String product;

        @Field("Integer")
        public Long quantity;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(OrderLine.class).addClass(Extensions.class))
            // For the JDBC driver and the pool; the datasource Dev Services of that extension would need Docker.
            .setForcedDependencies(Extensions.quarkus("quarkus-jdbc-postgresql"))
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "postgres");

    @Inject
    Workspace workspace;

    @Test
    void workspaceStoresRowsInTheStartedPostgreSql() throws SQLException {
        workspace.upsert(OrderLine.class, Map.of("object_id", "l1", "product", "tea", "quantity", 3));

        assertThat(workspace.get(OrderLine.class, "l1")).hasValueSatisfying(row -> assertThat(row.getLong("quantity"))
                .isEqualTo(3L));
        assertThat(query("select product from order_line where object_id = 'l1'")).isEqualTo("tea");
    }

    @Test
    void startedServerIsPostgreSql17() throws SQLException {
        assertThat(query("show server_version")).startsWith("17.");
    }

    private static String query(String sql) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("heavenbase.backends.main.url", String.class);
        assertThat(url).startsWith("jdbc:postgresql://localhost:");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
