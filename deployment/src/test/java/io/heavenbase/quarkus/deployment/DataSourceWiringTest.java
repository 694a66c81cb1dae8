package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Store;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * SQL server backends on Agroal datasources, against the local PostgreSQL and MariaDB ({@code 127.0.0.1},
 * database {@code test}): {@code main} (postgres, no url) takes the default datasource, {@code shop} (mysql)
 * the datasource it names, {@code direct} (postgres) its own {@code url}. No backend has any other way to reach
 * a server, so rows showing up in a database prove which connection the backend used.
 */
class DataSourceWiringTest {

    @HeavenEntity("ticket")
    public static class Ticket {
        @Field("ShortText")
        public String title;

        @Field("ShortText")
        @Store(to = "shop")
        public String customer;

        @Field("ShortText")
        @Store(to = "direct")
        public String code;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Ticket.class).addClass(Extensions.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-agroal", "quarkus-jdbc-postgresql",
                    "quarkus-jdbc-mysql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test")
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.\"maria\".db-kind", "mysql")
            .overrideConfigKey("quarkus.datasource.\"maria\".jdbc.url", "jdbc:mysql://127.0.0.1:3306/test")
            .overrideConfigKey("quarkus.datasource.\"maria\".username", "root")
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideConfigKey("heavenbase.backends.shop.type", "mysql")
            .overrideConfigKey("heavenbase.backends.shop.datasource", "maria")
            .overrideConfigKey("heavenbase.backends.direct.type", "postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.direct.url", "jdbc:postgresql://127.0.0.1:5432/test")
            .overrideRuntimeConfigKey("heavenbase.backends.direct.username", "postgres")
            // Own tables in the shared test databases.
            .overrideRuntimeConfigKey("heavenbase.backends.main.prefix", "hbq_dsw_main_")
            .overrideRuntimeConfigKey("heavenbase.backends.shop.prefix", "hbq_dsw_shop_")
            .overrideRuntimeConfigKey("heavenbase.backends.direct.prefix", "hbq_dsw_direct_");

    @Inject
    DataSource defaultDataSource;

    @Inject
    @Named("maria")
    DataSource maria;

    @Inject
    Workspace workspace;

    @Test
    void backendWithoutUrlWritesThroughTheDefaultDataSource() throws SQLException {
        workspace.upsert(Ticket.class, Map.of("object_id", "t-main", "title", "Broken printer"));

        assertThat(query(defaultDataSource, "select title from hbq_dsw_main_ticket where object_id = 't-main'"))
                .isEqualTo("Broken printer");
    }

    @Test
    void backendNamingADataSourceWritesThroughThatOne() throws SQLException {
        workspace.upsert(Ticket.class, Map.of("object_id", "t-shop", "title", "Refund", "customer", "ACME"));

        assertThat(query(maria, "select customer from hbq_dsw_shop_ticket where object_id = 't-shop'"))
                .isEqualTo("ACME");
        assertThat(query(maria, "select version()")).containsIgnoringCase("mariadb");
    }

    @Test
    void backendWithAUrlWritesThroughItsOwnConnection() throws SQLException {
        workspace.upsert(Ticket.class, Map.of("object_id", "t-direct", "title", "Password reset", "code", "PR-7"));

        assertThat(query(defaultDataSource, "select code from hbq_dsw_direct_ticket where object_id = 't-direct'"))
                .isEqualTo("PR-7");
    }

    @Test
    void rowIsReadBackAcrossTheThreeBackends() {
        workspace.upsert(Ticket.class, Map.of("object_id", "t-all", "title", "All three", "customer", "Initech",
                "code", "AT-3"));

        assertThat(workspace.get(Ticket.class, "t-all")).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("title", "All three")
                .containsEntry("customer", "Initech")
                .containsEntry("code", "AT-3"));
    }

    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row for: %s", sql).isTrue();
            return result.getString(1);
        }
    }
}
