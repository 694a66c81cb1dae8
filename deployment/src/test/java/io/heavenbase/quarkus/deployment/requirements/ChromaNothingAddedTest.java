package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.heavenbase.quarkus.runtime.BackendStatuses;
import io.quarkus.test.QuarkusUnitTest;

/**
 * chroma needs nothing added (HeavenBase speaks its REST API with the JDK's HTTP client); with a url where no server
 * listens the application starts with the backend DOWN, its status naming the backend, the address and the property.
 */
class ChromaNothingAddedTest {

    private static final int PORT = RequirementApps.closedPort(ChromaNothingAddedTest.class);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(RequirementApps.class))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "chroma")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url", "http://127.0.0.1:" + PORT);

    @Test
    void startsWithTheBackendDownNamingIt() {
        BackendStatuses.Status main = RequirementApps.status("main");

        assertThat(main.state()).isEqualTo(BackendStatuses.State.DOWN);
        assertThat(main.detail()).isEqualTo("BackendException: backend 'main' failed during ping: cannot reach Chroma "
                + "at http://127.0.0.1:" + PORT + " (heavenbase.backends.main.url): java.net.ConnectException");
    }
}
