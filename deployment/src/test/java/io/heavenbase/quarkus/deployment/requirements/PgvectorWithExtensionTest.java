package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.heavenbase.quarkus.deployment.support.PgliteUrl;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.QuarkusUnitTest;

/**
 * pgvector with {@code quarkus-jdbc-postgresql}: the backend takes the default datasource, here on a PostgreSQL
 * with the vector extension (the PGlite server the tests start), stores vectors and answers near queries.
 */
class PgvectorWithExtensionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Extensions.class, PgliteUrl.class))
            .setForcedDependencies(Extensions.quarkus("quarkus-jdbc-postgresql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.datasource.jdbc.url", PgliteUrl.get())
            .overrideRuntimeConfigKey("quarkus.datasource.jdbc.max-size", "2")
            .overrideConfigKey("heavenbase.backends.main.type", "pgvector")
            .overrideRuntimeConfigKey("heavenbase.backends.main.prefix", "hbq_h1_pgvx_");

    @Inject
    Workspace workspace;

    @Test
    void theBackendRunsOnTheDatasourceAndAnswersNear() {
        EntitySchema doc = workspace.register(EntitySchema.builder("doc").field("label", "ShortText")
                .field("embedding", "Vector[2]").build());
        workspace.upsertMany(doc, List.of(Map.of("object_id", "east", "label", "e", "embedding", new float[] {1, 0}),
                Map.of("object_id", "north", "label", "n", "embedding", new float[] {0, 1})));

        assertThat(workspace.query(doc).near("embedding", new float[] {0.1f, 0.9f}, 1).execute().ids())
                .containsExactly("north");
        assertThat(workspace.backends().get("main").type()).isEqualTo("pgvector");
    }
}
