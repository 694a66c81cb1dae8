package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.quarkus.deployment.support.PgliteUrl;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.QuarkusUnitTest;

/**
 * pgvector with the plain PostgreSQL driver (and Agroal's pool, which every test application of this module has)
 * and a url: the build accepts it and the backend stores vectors and answers near queries on a PostgreSQL with the
 * vector extension (the PGlite server the tests start, pgvector included).
 */
class PgvectorPlainDriverTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Drivers.class, PgliteUrl.class))
            .setForcedDependencies(List.of(Drivers.postgres()))
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "pgvector")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url", PgliteUrl.get())
            .overrideRuntimeConfigKey("heavenbase.backends.main.pool-size", "2")
            .overrideRuntimeConfigKey("heavenbase.backends.main.prefix", "hbq_h1_pgv_");

    @Inject
    Workspace workspace;

    @Test
    void theBackendStoresVectorsAndAnswersNear() {
        EntitySchema doc = workspace.register(EntitySchema.builder("doc").field("label", "ShortText")
                .field("embedding", "Vector[2]").build());
        workspace.upsertMany(doc, List.of(Map.of("object_id", "east", "label", "e", "embedding", new float[] {1, 0}),
                Map.of("object_id", "north", "label", "n", "embedding", new float[] {0, 1})));

        assertThat(workspace.query(doc).near("embedding", new float[] {0.9f, 0.1f}, 1).execute().ids())
                .containsExactly("east");
        assertThat(workspace.backends().get("main").type()).isEqualTo("pgvector");
    }
}
