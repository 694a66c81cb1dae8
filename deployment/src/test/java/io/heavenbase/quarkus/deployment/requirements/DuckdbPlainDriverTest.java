package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.quarkus.test.QuarkusUnitTest;

/** duckdb with its plain driver (it has no Quarkus extension): the build accepts it and a row is stored and read. */
class DuckdbPlainDriverTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Drivers.class, RequirementApps.class))
            .setForcedDependencies(List.of(Drivers.duckdb()))
            .overrideConfigKey("heavenbase.backends.main.type", "duckdb");

    @Inject
    Workspace workspace;

    @Test
    void theBackendStoresAndReadsARow() {
        assertThat(RequirementApps.writeAndRead(workspace, "note")).isEqualTo("hello");
    }
}
