package io.heavenbase.backend.sql;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.row;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.sqlite.SqliteDialect;
import io.heavenbase.backend.sql.sqlite.SqliteFixtures;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FetchShapesTest {

    private final SqliteDialect dialect = new SqliteDialect();
    private final FetchShapes shapes = new FetchShapes(dialect, l -> new SqlTables(dialect, null, "p_", l));

    @Test
    void aShapeIsKeptPerLayoutAndFieldList() {
        EntityLayout item = layout("item", inline("name", "ShortText"), inline("qty", "Integer"));

        FetchShapes.Shape first = shapes.shape(item, List.of("name", "qty"));

        assertThat(shapes.shape(item, List.of("name", "qty"))).isSameAs(first);
        assertThat(shapes.shape(item, List.of("qty", "name"))).isNotSameAs(first);
        assertThat(shapes.shape(layout("item", inline("name", "ShortText"), inline("qty", "Integer")),
                List.of("name", "qty"))).as("another layout object, e.g. after a new registration")
                .isNotSameAs(first);
        assertThat(first.selectPrefix()).isEqualTo("SELECT \"object_id\", \"name\", \"qty\" FROM \"p_item\" WHERE ");
    }

    @Test
    void namesThePartDoesNotStoreAndRepeatedNamesAreLeftOut() {
        EntityLayout item = layout("item", inline("name", "ShortText"));

        FetchShapes.Shape shape = shapes.shape(item, List.of("object_id", "name", "elsewhere", "name"));

        assertThat(shape.fields()).extracting(f -> f.name()).containsExactly("name");
        assertThat(shape.selectPrefix()).isEqualTo("SELECT \"object_id\", \"name\" FROM \"p_item\" WHERE ");
    }

    @Test
    void forgetDropsOnlyThatLayoutsShapes() {
        EntityLayout item = layout("item", inline("name", "ShortText"));
        EntityLayout other = layout("other", inline("name", "ShortText"));
        FetchShapes.Shape kept = shapes.shape(other, List.of("name"));
        FetchShapes.Shape dropped = shapes.shape(item, List.of("name"));

        shapes.forget(item);

        assertThat(shapes.size()).isEqualTo(1);
        assertThat(shapes.shape(other, List.of("name"))).isSameAs(kept);
        assertThat(shapes.shape(item, List.of("name"))).isNotSameAs(dropped);
    }

    @Test
    void theCacheIsBounded() {
        EntityLayout item = layout("item", inline("name", "ShortText"));
        for (int i = 0; i <= FetchShapes.MAX_ENTRIES + 10; i++) {
            shapes.shape(item, List.of("name", "f" + i));
        }
        assertThat(shapes.size()).isLessThanOrEqualTo(FetchShapes.MAX_ENTRIES);
    }

    @Test
    void fetchesSeeTheNewColumnsAfterASchemaChangeAndAfterDropAndRegister() {
        try (SqlBackend backend = SqliteFixtures.memoryBackend()) {
            EntityLayout v1 = layout("item", inline("name", "ShortText"));
            backend.ensure(v1);
            backend.upsert(v1, rows(row(v1, "a", "name", "first")));
            assertThat(backend.fetch(v1, List.of("a"), List.of("name", "qty")).get("a"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("object_id", "a", "name", "first"));

            EntityLayout v2 = layout("item", inline("name", "ShortText"), inline("qty", "Integer"));
            backend.ensure(v2);
            backend.upsert(v2, rows(row(v2, "a", "name", "second", "qty", 3)));
            assertThat(backend.fetch(v2, List.of("a"), List.of("name", "qty")).get("a"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("object_id", "a", "name", "second", "qty", 3L));

            backend.drop(v2);
            EntityLayout v3 = layout("item", inline("qty", "Integer"));
            backend.ensure(v3);
            backend.upsert(v3, rows(row(v3, "b", "qty", 7)));
            assertThat(backend.fetch(v3, List.of("a", "b"), List.of("name", "qty")))
                    .containsOnlyKeys("b")
                    .containsEntry("b", Map.of("object_id", "b", "qty", 7L));
        }
    }

    @Test
    void anIdsOnlyFragmentReturnsExactlyTheMatchingIdsWithoutColumns() {
        try (SqlBackend backend = SqliteFixtures.memoryBackend()) {
            EntityLayout item = layout("item", inline("category", "Identifier"), inline("qty", "Integer"));
            backend.ensure(item);
            backend.upsert(item, rows(row(item, "c", "category", "k1", "qty", 1),
                    row(item, "a", "category", "k1", "qty", 2), row(item, "b", "category", "k2", "qty", 3),
                    row(item, "d", "category", "k1", "qty", 4)));
            Expr k1 = new Expr.Leaf("category", Op.EQ, "k1");

            List<Hit> all = backend.execute(item, Fragment.candidateIds(k1, null));
            List<Hit> restricted = backend.execute(item, Fragment.candidateIds(k1, Set.of("a", "b", "d")));

            assertThat(all.stream().map(Hit::objectId).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                    "a", "c", "d");
            assertThat(all).hasSize(3).allSatisfy(hit -> {
                assertThat(hit.columns()).isEmpty();
                assertThat(hit.score()).isNaN();
            });
            assertThat(restricted).extracting(Hit::objectId).containsExactlyInAnyOrder("a", "d");
            assertThat(backend.execute(item, Fragment.candidateIds(k1, Set.of()))).isEmpty();
        }
    }
}
