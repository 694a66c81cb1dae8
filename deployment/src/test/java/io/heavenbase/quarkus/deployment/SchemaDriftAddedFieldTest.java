package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.logging.SimpleFormatter;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.engine.EngineWorkspace;
import io.heavenbase.quarkus.deployment.support.EarlierRun;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.QuarkusUnitTest;

/** A field added since the last run is created at startup and logged; the stored rows stay and read it as null. */
class SchemaDriftAddedFieldTest {

    @HeavenEntity("bin")
    public static class Bin {
        @Field("ShortText")
        public String label;

        @Field("Integer")
        public Long qty;
    }

    static final EarlierRun EARLIER = new EarlierRun("drift-added-app", "added-field");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            // The entity as the previous version of the application declared it, with its row.
            .setBeforeAllCustomizer(() -> EARLIER.store(EntitySchema.builder("bin").field("label", "ShortText").build(),
                    Map.of("name", "b1", "label", "first")))
            .setAfterAllCustomizer(EARLIER::delete)
            .withApplicationRoot(jar -> jar.addClasses(Bin.class, EarlierRun.class))
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .overrideRuntimeConfigKey("heavenbase.workspace", "drift-added-app")
            .overrideRuntimeConfigKey("heavenbase.backends.main.database", EARLIER.database())
            .setLogRecordPredicate(record -> EngineWorkspace.class.getName().equals(record.getLoggerName()))
            .assertLogRecords(records -> assertThat(records).map(record -> new SimpleFormatter().formatMessage(record))
                    .anySatisfy(message -> assertThat(message).contains("entity 'bin' has new fields [qty]")));

    @Inject
    Workspace workspace;

    @Test
    void storedRowIsKeptAndTheNewFieldIsWritable() {
        Row first = workspace.query(Bin.class).execute().rows().stream().findFirst().orElseThrow();
        assertThat(first.getString("label")).isEqualTo("first");
        assertThat(first.get("qty")).isNull();

        workspace.set(Bin.class, first.id(), Map.of("qty", 7L));

        assertThat(workspace.get(Bin.class, first.id()).orElseThrow().getLong("qty")).isEqualTo(7L);
        assertThat(workspace.count(Bin.class)).isEqualTo(1);
    }
}
