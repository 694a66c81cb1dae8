package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.ValidationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.heavenbase.quarkus.deployment.support.EarlierRun;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An entity whose field changed type since the last run (Integer, now ShortText) stops startup with a message
 * naming entity, field, stored and new type and the ways out, instead of starting on the old column.
 */
class SchemaDriftChangedTypeTest {

    /** The same entity in the version under test. */
    @HeavenEntity("stock")
    public static class Stock {
        @Field("ShortText")
        public String label;

        @Field("ShortText")
        public String qty;
    }

    static final EarlierRun EARLIER = new EarlierRun("drift-app", "changed-type");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            // The entity as the previous version of the application declared it, with its rows.
            .setBeforeAllCustomizer(() -> EARLIER.store(
                    EntitySchema.builder("stock").field("label", "ShortText").field("qty", "Integer").build(),
                    Map.of("name", "bolt", "label", "bolt", "qty", 12L)))
            .setAfterAllCustomizer(EARLIER::delete)
            .withApplicationRoot(jar -> jar.addClass(Stock.class))
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .overrideRuntimeConfigKey("heavenbase.workspace", "drift-app")
            .overrideRuntimeConfigKey("heavenbase.backends.main.database", EARLIER.database())
            .assertException(BuildFailures.causedBy(ValidationException.class, "entity 'stock'",
                    "field 'qty' is stored as Integer but is now declared as ShortText", "Nothing was changed",
                    "heavenbase.schema.on-drift=migrate", "Workspace.drop()"));

    @Test
    void startupFails() {
        fail("startup must fail");
    }
}
