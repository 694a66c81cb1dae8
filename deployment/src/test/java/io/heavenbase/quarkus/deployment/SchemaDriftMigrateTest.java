package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.EarlierRun;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code heavenbase.schema.on-drift=migrate} the application starts on a drifted entity: its rows are kept,
 * the changed field lost its values and takes the new type, the removed field is gone.
 */
class SchemaDriftMigrateTest {

    @HeavenEntity("crate")
    public static class Crate {
        @Field("ShortText")
        public String label;

        @Field("ShortText")
        public String qty;
    }

    static final EarlierRun EARLIER = new EarlierRun("drift-migrate-app", "migrate");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            // The entity as the previous version of the application declared it, with its rows.
            .setBeforeAllCustomizer(() -> EARLIER.store(
                    EntitySchema.builder("crate").field("label", "ShortText").field("qty", "Integer")
                            .field("note", "MediumText").build(),
                    Map.of("name", "c1", "label", "first", "qty", 3L, "note", "old"),
                    Map.of("name", "c2", "label", "second", "qty", 4L)))
            .setAfterAllCustomizer(EARLIER::delete)
            .withApplicationRoot(jar -> jar.addClasses(Crate.class, EarlierRun.class))
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .overrideRuntimeConfigKey("heavenbase.workspace", "drift-migrate-app")
            .overrideRuntimeConfigKey("heavenbase.backends.main.database", EARLIER.database())
            .overrideRuntimeConfigKey("heavenbase.schema.on-drift", "migrate");

    @Inject
    Workspace workspace;

    @Test
    void rowsAreKeptWithTheNewStructure() {
        assertThat(workspace.count(Crate.class)).isEqualTo(2);
        Row first = workspace.query(Crate.class).execute().rows().stream()
                .filter(row -> "first".equals(row.getString("label"))).findFirst().orElseThrow();
        assertThat(first.get("qty")).isNull();
        assertThat(first).doesNotContainKey("note");

        workspace.set(Crate.class, first.id(), Map.of("qty", "three"));

        assertThat(workspace.get(Crate.class, first.id()).orElseThrow().getString("qty")).isEqualTo("three");
    }
}
