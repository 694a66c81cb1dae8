package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code heavenbase.preset=web-lts} in test mode without Docker: {@code main} (postgres) and {@code search}
 * (elasticsearch) get embedded servers, but nothing can serve {@code vec} (pgvector: the embedded PostgreSQL binaries
 * have no pgvector), so Dev Services log one warning naming {@code heavenbase.backends.vec.url} and that backend only.
 * Without that property {@code vec} uses the preset's {@code jdbc:postgresql://127.0.0.1:5432/heavenbase}.
 */
class PresetWebLtsWithoutDockerTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Extensions.class).addClass(Drivers.class))
            // For the JDBC driver and the pool; the datasource Dev Services of that extension would need Docker.
            // The search backend's client is a plain library.
            .setForcedDependencies(
                    Drivers.with(Drivers.elasticsearchClient(), Extensions.quarkus("quarkus-jdbc-postgresql")))
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.preset", "web-lts")
            // What a machine without a container runtime does in the default mode, also where one exists.
            .overrideConfigKey("heavenbase.devservices.mode", "embedded")
            // Without a server of its own, vec would fall back to the preset's 127.0.0.1:5432/heavenbase, which may or
            // may not exist on the machine; switched off at run time, startup does not depend on it.
            .overrideRuntimeConfigKey("heavenbase.backends.vec.active", "false")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                    && record.getLoggerName().startsWith("io.heavenbase"))
            .assertLogRecords(PresetWebLtsWithoutDockerTest::oneWarningNamingTheVecUrl);

    @Inject
    Workspace workspace;

    @Test
    void onlyTheBackendsWithAnEmbeddedServerReceiveAConnection() {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("heavenbase.backends.main.url", String.class))
                .startsWith("jdbc:postgresql://localhost:");
        assertThat(config.getValue("heavenbase.backends.search.hosts", String.class)).startsWith("127.0.0.1:");
        assertThat(config.getOptionalValue("heavenbase.backends.vec.url", String.class)).isEmpty();
    }

    @Test
    void workspaceRunsOnTheServedBackends() {
        assertThat(workspace.backends().names()).containsExactly("main", "search");
        assertThat(workspace.health()).hasSize(2)
                .allSatisfy(health -> assertThat(health.up()).as(health.name() + ": " + health.message()).isTrue());
    }

    private static void oneWarningNamingTheVecUrl(List<LogRecord> records) {
        assertThat(records).singleElement().satisfies(record -> {
            String message = ((ExtLogRecord) record).getFormattedMessage();
            assertThat(message).contains("heavenbase.backends.vec.url (backend 'vec', pgvector; no embedded server",
                    "Set that property", "heavenbase.devservices.enabled=false");
            assertThat(message).doesNotContain("heavenbase.backends.main.", "heavenbase.backends.search.");
        });
    }
}
