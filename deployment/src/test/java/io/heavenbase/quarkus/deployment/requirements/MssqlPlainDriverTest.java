package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.heavenbase.quarkus.runtime.BackendStatuses;
import io.quarkus.test.QuarkusUnitTest;

/**
 * mssql with the plain SQL Server driver and a url where no server listens: the build accepts it and the
 * application starts with the backend DOWN, its status naming the backend, the host and the property.
 */
class MssqlPlainDriverTest {

    private static final int PORT = RequirementApps.closedPort(MssqlPlainDriverTest.class);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Drivers.class, RequirementApps.class))
            .setForcedDependencies(List.of(Drivers.mssql()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url",
                    "jdbc:sqlserver://127.0.0.1:" + PORT + ";encrypt=false")
            .overrideRuntimeConfigKey("heavenbase.backends.main.username", "sa")
            .overrideConfigKey("heavenbase.backends.main.type", "mssql");

    @Test
    void startsWithTheBackendDownNamingIt() {
        BackendStatuses.Status main = RequirementApps.status("main");

        assertThat(main.state()).isEqualTo(BackendStatuses.State.DOWN);
        // The driver's own words follow (they name host and port); the part before them is HeavenBase's.
        assertThat(main.detail()).startsWith("BackendException: backend 'main' failed during connect: cannot reach "
                + "the server of heavenbase.backends.main.url: The TCP/IP connection to the host 127.0.0.1, "
                + "port " + PORT + " has failed.");
    }
}
