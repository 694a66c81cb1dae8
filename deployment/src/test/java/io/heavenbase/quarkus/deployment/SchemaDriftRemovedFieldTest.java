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

/** An entity that lost a field since the last run stops startup naming the field and its stored type. */
class SchemaDriftRemovedFieldTest {

    @HeavenEntity("parcel")
    public static class Parcel {
        @Field("ShortText")
        public String label;
    }

    static final EarlierRun EARLIER = new EarlierRun("drift-removed-app", "removed-field");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            // The entity as the previous version of the application declared it, with its rows.
            .setBeforeAllCustomizer(() -> EARLIER.store(
                    EntitySchema.builder("parcel").field("label", "ShortText").field("note", "MediumText").build(),
                    Map.of("name", "p1", "label", "p1", "note", "fragile")))
            .setAfterAllCustomizer(EARLIER::delete)
            .withApplicationRoot(jar -> jar.addClass(Parcel.class))
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .overrideRuntimeConfigKey("heavenbase.workspace", "drift-removed-app")
            .overrideRuntimeConfigKey("heavenbase.backends.main.database", EARLIER.database())
            .assertException(BuildFailures.causedBy(ValidationException.class, "entity 'parcel'",
                    "field 'note' is stored as MediumText but is no longer declared",
                    "heavenbase.schema.on-drift=migrate"));

    @Test
    void startupFails() {
        fail("startup must fail");
    }
}
