package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Store;
import io.heavenbase.ValidationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/** A field stored on a backend the application does not configure fails the build. */
class PlacementOnUnknownBackendTest {

    @HeavenEntity("invoice")
    public static class Invoice {
        @Field("ShortText")
        public String number;

        @Field("LongText")
        @Store(to = "archive")
        public String scan;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Invoice.class))
            .overrideConfigKey("heavenbase.preset", "debug")
            .assertException(BuildFailures.causedBy(ValidationException.class,
                    "entity 'invoice'", "field 'scan'", "backend 'archive'", "no such backend"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
