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

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A named datasource without a URL ({@code quarkus.datasource."orders".db-kind=postgresql}) that a backend names
 * ({@code heavenbase.backends.main.datasource=orders}), with no container runtime: HeavenBase's embedded PostgreSQL
 * serves it, and the backend writes through it.
 */
class DevServicesNamedDataSourceTest {

    @HeavenEntity("dsns-ticket")
    public static class Ticket {
        @Field("ShortText")
        public String title;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Ticket.class, Extensions.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-jdbc-postgresql"))
            .overrideConfigKey("quarkus.datasource.\"orders\".db-kind", "postgresql")
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideConfigKey("heavenbase.backends.main.datasource", "orders")
            // Proves the datasource got HeavenBase's embedded server, not a container of Quarkus's Dev Services.
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.heavenbase")
                    && String.valueOf(record.getMessage()).contains("for datasource"))
            .assertLogRecords(records -> assertThat(records).singleElement()
                    .satisfies(record -> assertThat(record.getMessage())
                            .startsWith("HeavenBase Dev Services started %s for datasource '%s'")
                            .contains("as no container runtime can serve it")));

    @Inject
    @Named("orders")
    DataSource dataSource;

    @Inject
    Workspace workspace;

    @Test
    void namedDataSourceIsServedByTheEmbeddedServer() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.\"orders\".jdbc.url", String.class);
        assertThat(url).startsWith("jdbc:postgresql://localhost:").doesNotContain(":5432/");
        assertThat(ConfigProvider.getConfig().getOptionalValue("heavenbase.backends.main.url", String.class))
                .as("the backend has no connection of its own").isEmpty();

        workspace.upsert(Ticket.class, Map.of("object_id", "t-1", "title", "Zero config"));

        assertThat(workspace.get(Ticket.class, "t-1"))
                .hasValueSatisfying(row -> assertThat(row).containsEntry("title", "Zero config"));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select title from dsns_ticket where object_id = 't-1'")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("Zero config");
        }
    }
}
