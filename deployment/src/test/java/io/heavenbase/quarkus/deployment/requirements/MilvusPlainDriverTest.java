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
 * milvus with its plain client (it has no Quarkus extension) and a url where no server listens: the build accepts
 * it and the application starts with the backend DOWN, its status naming the backend, the address and the
 * property.
 */
class MilvusPlainDriverTest {

    private static final int PORT = RequirementApps.closedPort(MilvusPlainDriverTest.class);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Drivers.class, RequirementApps.class))
            .setForcedDependencies(List.of(Drivers.milvus()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideRuntimeConfigKey("heavenbase.backends.main.uri", "http://127.0.0.1:" + PORT)
            .overrideConfigKey("heavenbase.backends.main.type", "milvus")
            // The client gives up on a refused address after its own connect timeout, longer than the default 5 s.
            .overrideRuntimeConfigKey("heavenbase.health.timeout", "60s");

    @Test
    void startsWithTheBackendDownNamingIt() {
        BackendStatuses.Status main = RequirementApps.status("main");

        assertThat(main.state()).isEqualTo(BackendStatuses.State.DOWN);
        assertThat(main.detail()).contains("backend 'main'").contains("127.0.0.1:" + PORT)
                .contains("heavenbase.backends.main.uri");
    }
}
