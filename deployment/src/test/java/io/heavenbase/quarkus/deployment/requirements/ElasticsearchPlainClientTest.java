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
 * elasticsearch with the plain low-level REST client and hosts where no server listens: the build accepts it and
 * the application starts with the backend DOWN, its status naming the backend, the host and the property. The
 * embedded OpenSearch of the Dev Services is off (its runner is on this module's class path).
 */
class ElasticsearchPlainClientTest {

    private static final int PORT = RequirementApps.closedPort(ElasticsearchPlainClientTest.class);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Drivers.class, RequirementApps.class))
            .setForcedDependencies(List.of(Drivers.elasticsearchClient()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideRuntimeConfigKey("heavenbase.backends.main.hosts", "127.0.0.1:" + PORT)
            .overrideConfigKey("heavenbase.backends.main.type", "elasticsearch");

    @Test
    void startsWithTheBackendDownNamingIt() {
        BackendStatuses.Status main = RequirementApps.status("main");

        assertThat(main.state()).isEqualTo(BackendStatuses.State.DOWN);
        assertThat(main.detail()).isEqualTo("BackendException: backend 'main' failed during ping: cannot reach "
                + "http://127.0.0.1:" + PORT + " (heavenbase.backends.main.hosts): "
                + "ConnectException: Connection refused");
    }
}
