package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.QuarkusUnitTest;

/**
 * postgres with the plain driver (and Agroal's pool, which every test application of this module has) and a url:
 * the build accepts it and the backend works against the local PostgreSQL (database test).
 */
class PostgresPlainDriverTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Drivers.class))
            .setForcedDependencies(java.util.List.of(Drivers.postgres()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url", "jdbc:postgresql://127.0.0.1:5432/test")
            .overrideRuntimeConfigKey("heavenbase.backends.main.username", "postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.main.prefix", "hbq_h1_plain_");

    @Inject
    Workspace workspace;

    @Test
    void theBackendStoresAndReadsARow() {
        EntitySchema note = workspace.register(EntitySchema.builder("note").field("label", "ShortText").build());
        workspace.upsert(note, Map.of("object_id", "n1", "label", "hello"));

        assertThat(workspace.get(note, "n1").orElseThrow().get("label")).isEqualTo("hello");
    }
}
