package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.heavenbase.quarkus.runtime.BackendStatuses;
import io.quarkus.test.QuarkusUnitTest;

/**
 * oracle with quarkus-jdbc-oracle, whose default datasource points where no server listens: the build accepts it, the
 * backend takes the datasource and the application starts with the backend DOWN, its status naming the backend, the
 * host and the datasource property.
 */
class OracleWithExtensionTest {

    private static final int PORT = RequirementApps.closedPort(OracleWithExtensionTest.class);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Extensions.class, RequirementApps.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-jdbc-oracle"))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("quarkus.datasource.db-kind", "oracle")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.datasource.jdbc.url",
                    "jdbc:oracle:thin:@//127.0.0.1:" + PORT + "/FREEPDB1")
            .overrideRuntimeConfigKey("quarkus.datasource.username", "system")
            .overrideConfigKey("heavenbase.backends.main.type", "oracle");

    @Test
    void startsWithTheBackendDownNamingIt() {
        BackendStatuses.Status main = RequirementApps.status("main");

        assertThat(main.state()).isEqualTo(BackendStatuses.State.DOWN);
        // The driver's own words (host and port), then the datasource and its property.
        assertThat(main.detail()).startsWith("BackendException: backend 'main' failed during ping: SQLException: "
                + "ORA-12541: Cannot connect. No listener at host 127.0.0.1 port " + PORT + ".")
                .endsWith("; backend 'main' connects through datasource '<default>' (quarkus.datasource.jdbc.url)");
    }
}
