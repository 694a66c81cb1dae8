package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.heavenbase.quarkus.runtime.BackendStatuses;
import io.quarkus.test.QuarkusUnitTest;

/**
 * elasticsearch with quarkus-elasticsearch-rest-client, whose client points where no server listens: the build
 * accepts it and the application starts with the backend DOWN, its status naming the backend, the host and the
 * Quarkus property.
 */
class ElasticsearchWithExtensionTest {

    private static final int PORT = RequirementApps.closedPort(ElasticsearchWithExtensionTest.class);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Extensions.class, RequirementApps.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-elasticsearch-rest-client"))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("quarkus.elasticsearch.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.elasticsearch.hosts", "127.0.0.1:" + PORT)
            .overrideConfigKey("heavenbase.backends.main.type", "elasticsearch");

    @Test
    void startsWithTheBackendDownNamingIt() {
        BackendStatuses.Status main = RequirementApps.status("main");

        assertThat(main.state()).isEqualTo(BackendStatuses.State.DOWN);
        assertThat(main.detail()).isEqualTo("BackendException: backend 'main' failed during ping: cannot reach "
                + "http://127.0.0.1:" + PORT + " (the application's RestClient, set by quarkus.elasticsearch.hosts): "
                + "ConnectException: Connection refused");
    }
}
