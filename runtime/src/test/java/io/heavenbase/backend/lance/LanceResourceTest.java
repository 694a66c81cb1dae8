package io.heavenbase.backend.lance;

import static io.heavenbase.backend.lance.LanceFixtures.indexed;
import static io.heavenbase.backend.lance.LanceFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.Metric;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every Arrow buffer is given back: after any operation the backend's allocator is empty, and
 * closing it (which closes the allocator, which throws on a leak) succeeds, however often a backend
 * is opened and closed.
 */
class LanceResourceTest {

    private static final EntityLayout LAYOUT = new EntityLayout("resource-item", List.of(
            inline("title", "ShortText"), inline("tags", "Array[ShortText]"), indexed("embedding", 2)));

    private Path directory;

    @BeforeEach
    void createDirectory() {
        directory = LanceFixtures.temporaryDirectory();
    }

    @AfterEach
    void removeDirectory() {
        LanceFixtures.removeTree(directory);
    }

    @Test
    void givenABackendOpenedAndClosedManyTimes_whenEachRoundWritesAndReads_thenTheAllocatorIsEmptyEveryTime() {
        for (int round = 0; round < 15; round++) {
            LanceBackend backend = LanceFixtures.open(directory, "exact-near-limit", round % 2 == 0 ? 0 : 10_000);
            backend.ensure(LAYOUT);
            backend.upsert(LAYOUT, List.of(Map.of(Names.OBJECT_ID, "r" + round, "title", "t" + round,
                    "tags", List.of("a", "b"), "embedding", new float[] {round, 1})));
            backend.fetch(LAYOUT, List.of("r0", "r" + round), List.of("title", "tags", "embedding"));
            backend.execute(LAYOUT, new Fragment(new Expr.Leaf("tags", Op.ARRAY_CONTAINS, "a"),
                    new NearSpec("embedding", new float[] {1, 0}, 3, Metric.COSINE), null, List.of(), 0, null,
                    Set.of("title")));
            backend.delete(LAYOUT, List.of("r" + (round - 1)));
            backend.refresh();
            backend.count(LAYOUT);

            assertThat(backend.allocatedBytes()).as("round %d", round).isZero();
            assertThatCode(backend::close).as("round %d", round).doesNotThrowAnyException();
        }
    }

    @Test
    void givenAFailingQuery_whenItThrows_thenNothingLeaksAndTheBackendStillWorks() {
        try (LanceBackend backend = LanceFixtures.open(directory)) {
            backend.ensure(LAYOUT);
            backend.upsert(LAYOUT, List.of(Map.of(Names.OBJECT_ID, "r")));
            Fragment unknownField = Fragment.filter(new Expr.Leaf("missing", Op.EQ, "x"), null);

            assertThatThrownBy(() -> backend.execute(LAYOUT, unknownField)).hasMessageContaining("missing");

            assertThat(backend.allocatedBytes()).isZero();
            assertThat(backend.ids(LAYOUT)).containsExactly("r");
        }
    }

    @Test
    void givenAClosedBackend_whenClosedAgain_thenNothingHappensAndUseIsABackendError() {
        LanceBackend backend = LanceFixtures.open(directory);
        backend.ensure(LAYOUT);
        backend.close();

        assertThatCode(backend::close).doesNotThrowAnyException();
        assertThatThrownBy(() -> backend.count(LAYOUT)).isInstanceOf(BackendException.class)
                .hasMessageContaining("closed");
    }
}
