package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Store;
import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A field placed on a backend that cannot store it with the requested strategy (sqlite has no sparse-gram
 * index) fails the build naming entity, field, backend and the missing capability.
 */
class UnservablePlacementTest {

    @HeavenEntity("recipe")
    public static class Recipe {
        @Field("ShortText")
        public String title;

        @Field("Array[ShortText]")
        @Store(to = "main", strategy = "SparseGramIndex")
        public List<String> ingredients;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Recipe.class))
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .assertException(BuildFailures.causedBy(UnsupportedCapabilityException.class,
                    "entity 'recipe'", "field 'ingredients'", "backend 'main'", "SparseGramIndex"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
