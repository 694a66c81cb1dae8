package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.heavenbase.quarkus.runtime.BackendStatuses;
import io.quarkus.test.QuarkusUnitTest;

/**
 * mssql with quarkus-jdbc-mssql, whose default datasource points where no server listens: the build accepts it, the
 * backend takes the datasource and the application starts with the backend DOWN, its status naming the backend, the
 * host and the datasource property.
 */
class MssqlWithExtensionTest {

    private static final int PORT = RequirementApps.closedPort(MssqlWithExtensionTest.class);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Extensions.class, RequirementApps.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-jdbc-mssql"))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("quarkus.datasource.db-kind", "mssql")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.datasource.jdbc.url",
                    "jdbc:sqlserver://127.0.0.1:" + PORT + ";encrypt=false")
            .overrideRuntimeConfigKey("quarkus.datasource.username", "sa")
            .overrideConfigKey("heavenbase.backends.main.type", "mssql");

    @Test
    void startsWithTheBackendDownNamingIt() {
        BackendStatuses.Status main = RequirementApps.status("main");

        assertThat(main.state()).isEqualTo(BackendStatuses.State.DOWN);
        // The driver's own words (host and port), then the datasource and its property.
        assertThat(main.detail()).startsWith("BackendException: backend 'main' failed during ping: SQLServerException: "
                + "The TCP/IP connection to the host 127.0.0.1, port " + PORT + " has failed.")
                .endsWith("; backend 'main' connects through datasource '<default>' (quarkus.datasource.jdbc.url)");
    }
}
