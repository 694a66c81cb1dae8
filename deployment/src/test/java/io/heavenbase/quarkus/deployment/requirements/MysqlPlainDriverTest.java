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

/**
 * mysql with the plain Connector/J (and Agroal's pool, which every test application of this module has) and a url:
 * the build accepts it and the backend stores and reads a row in the local MariaDB (database test).
 */
class MysqlPlainDriverTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Drivers.class, RequirementApps.class))
            .setForcedDependencies(List.of(Drivers.mysql()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "mysql")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url", "jdbc:mysql://127.0.0.1:3306/test")
            .overrideRuntimeConfigKey("heavenbase.backends.main.username", "root")
            .overrideRuntimeConfigKey("heavenbase.backends.main.prefix", "hbq_req_mysql_");

    @Inject
    Workspace workspace;

    @Test
    void theBackendStoresAndReadsARow() {
        assertThat(RequirementApps.writeAndRead(workspace, "note")).isEqualTo("hello");
    }
}
