package io.heavenbase.backend.inmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.ExecutionMode;
import io.heavenbase.Metric;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemBackendTest {

    private final EntityLayout layout = new EntityLayout("product", List.of(
            new StoredField("title", DType.SHORT_TEXT, Strategy.INLINE_COLUMN),
            new StoredField("price", DType.FLOAT, Strategy.INLINE_COLUMN),
            new StoredField("tags", DType.array(DType.SHORT_TEXT), Strategy.SIDE_TABLE),
            new StoredField("emb", DType.vector(2), Strategy.VECTOR_INDEX)));

    private final InMemBackend backend = open("scratch", Map.of("type", "inmem"));

    private static InMemBackend open(String name, Map<String, ?> config) {
        return (InMemBackend) new InMemProvider().open(new BackendConfig(name, config));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private static Map<String, Object> row(String id, String title, Double price, float[] emb) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        row.put("title", title);
        row.put("price", price);
        row.put("emb", emb);
        return row;
    }

    private Map<String, Object> fetchOne(String id, String... fields) {
        return backend.fetch(layout, List.of(id), List.of(fields)).get(id);
    }

    @Test
    void providerIsFoundByServiceLoaderUnderTypeInmem() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(provider -> types.add(provider.type()));

        assertThat(types).contains("inmem");
    }

    @Test
    void providerAcceptsNoConfigurationKeys() {
        assertThat(new InMemProvider().configKeys()).isEmpty();
        assertThatThrownBy(() -> open("scratch", Map.of("type", "inmem", "path", "/tmp")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.scratch.path");
    }

    @Test
    void backendReportsNameAndType() {
        assertThat(backend.name()).isEqualTo("scratch");
        assertThat(backend.type()).isEqualTo("inmem");
    }

    @Test
    void everyKindIsStoredInlineWithEveryApplicableOpNative() {
        CapabilityTable table = new InMemProvider().capabilities();

        for (DType dtype : List.of(DType.SHORT_TEXT, DType.INTEGER, DType.JSON, DType.HYPERG, DType.ARTIFACT,
                DType.vector(3), DType.array(DType.INTEGER))) {
            assertThat(table.canStore(dtype, Strategy.INLINE_COLUMN)).as(dtype.toString()).isTrue();
            for (String op : Ops.applicable(dtype)) {
                assertThat(table.mode(dtype, Strategy.INLINE_COLUMN, op)).as(dtype + " " + op)
                        .contains(ExecutionMode.NATIVE);
            }
        }
    }

    @Test
    void specialStrategiesAreStorableForTheirKinds() {
        CapabilityTable table = new InMemProvider().capabilities();

        assertThat(table.strategies(DType.array(DType.SHORT_TEXT))).containsExactlyInAnyOrder(
                Strategy.INLINE_COLUMN, Strategy.SIDE_TABLE, Strategy.SPARSE_GRAM_INDEX);
        assertThat(table.strategies(DType.HYPERG)).containsExactlyInAnyOrder(Strategy.INLINE_COLUMN,
                Strategy.SIDE_TABLE);
        assertThat(table.strategies(DType.vector(2))).containsExactlyInAnyOrder(Strategy.INLINE_COLUMN,
                Strategy.VECTOR_INDEX);
        assertThat(table.isNative(DType.vector(2), Strategy.VECTOR_INDEX, Ops.NEAR)).isTrue();
        assertThat(table.isNative(DType.array(DType.SHORT_TEXT), Strategy.SPARSE_GRAM_INDEX, Ops.CONTAINED_IN))
                .isTrue();
        assertThat(table.canStore(DType.INTEGER, Strategy.SIDE_TABLE)).isFalse();
    }

    @Test
    void upsertedRowsAreFetchedWithObjectId() {
        backend.upsert(layout, List.of(row("p1", "Tee", 5.0, new float[] {1, 0})));

        assertThat(fetchOne("p1", "title", "price")).containsExactlyInAnyOrderEntriesOf(
                Map.of("object_id", "p1", "title", "Tee", "price", 5.0));
    }

    @Test
    void fetchLeavesOutUnknownIds() {
        backend.upsert(layout, List.of(row("p1", "Tee", 5.0, null)));

        assertThat(backend.fetch(layout, List.of("p1", "ghost"), List.of("title")).keySet()).containsExactly("p1");
    }

    @Test
    void absentFieldsAreFetchedAsNull() {
        backend.upsert(layout, List.of(Map.of("object_id", "p1")));

        assertThat(fetchOne("p1", "title")).containsEntry("title", null);
    }

    @Test
    void upsertReplacesTheWholePart() {
        backend.upsert(layout, List.of(row("p1", "Tee", 5.0, null)));
        backend.upsert(layout, List.of(Map.of("object_id", "p1", "price", 6.0)));

        assertThat(fetchOne("p1", "title", "price")).containsEntry("title", null).containsEntry("price", 6.0);
    }

    @Test
    void fieldsOutsideTheLayoutAreNotStored() {
        Map<String, Object> row = row("p1", "Tee", 5.0, null);
        row.put("colour", "red");
        backend.upsert(layout, List.of(row));

        assertThat(fetchOne("p1", "colour")).containsEntry("colour", null);
    }

    @Test
    void rowWithoutObjectIdIsABackendError() {
        assertThatThrownBy(() -> backend.upsert(layout, List.of(Map.of("title", "x"))))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("scratch").hasMessageContaining("object_id");
    }

    @Test
    void storedVectorIsACopyOfTheWrittenOne() {
        float[] emb = {1, 0};
        backend.upsert(layout, List.of(row("p1", "Tee", 5.0, emb)));

        emb[0] = 42;

        assertThat((float[]) fetchOne("p1", "emb").get("emb")).containsExactly(1f, 0f);
    }

    @Test
    void fetchedVectorIsACopyOfTheStoredOne() {
        backend.upsert(layout, List.of(row("p1", "Tee", 5.0, new float[] {1, 0})));

        ((float[]) fetchOne("p1", "emb").get("emb"))[0] = 42;

        assertThat((float[]) fetchOne("p1", "emb").get("emb")).containsExactly(1f, 0f);
    }

    @Test
    void storedListIsACopyOfTheWrittenOne() {
        List<Object> tags = new ArrayList<>(List.of("a"));
        Map<String, Object> row = row("p1", "Tee", 5.0, null);
        row.put("tags", tags);
        backend.upsert(layout, List.of(row));

        tags.add("b");

        assertThat(fetchOne("p1", "tags").get("tags")).isEqualTo(List.of("a"));
    }

    @Test
    void hitVectorsAreCopies() {
        backend.upsert(layout, List.of(row("p1", "Tee", 5.0, new float[] {1, 0})));
        Fragment fragment = new Fragment(null, null, null, List.of(), 0, null, Set.of("emb"));

        ((float[]) backend.execute(layout, fragment).get(0).columns().get("emb"))[0] = 42;

        assertThat((float[]) fetchOne("p1", "emb").get("emb")).containsExactly(1f, 0f);
    }

    @Test
    void deleteRemovesRowsAndIgnoresUnknownIds() {
        backend.upsert(layout, List.of(row("p1", "a", 1.0, null), row("p2", "b", 2.0, null)));

        backend.delete(layout, List.of("p1", "ghost"));

        assertThat(backend.ids(layout)).containsExactly("p2");
        assertThat(backend.count(layout)).isEqualTo(1);
    }

    @Test
    void countAndIdsOfAnEmptyPartAreEmpty() {
        backend.ensure(layout);

        assertThat(backend.count(layout)).isZero();
        assertThat(backend.ids(layout)).isEmpty();
    }

    @Test
    void idsAreASnapshot() {
        backend.upsert(layout, List.of(row("p1", "a", 1.0, null)));
        Set<String> ids = backend.ids(layout);

        backend.upsert(layout, List.of(row("p2", "b", 2.0, null)));

        assertThat(ids).containsExactly("p1");
    }

    @Test
    void dropRemovesTheEntityPart() {
        backend.upsert(layout, List.of(row("p1", "a", 1.0, null)));

        backend.drop(layout);

        assertThat(backend.physicalNames()).doesNotContain("product");
        assertThat(backend.count(layout)).isZero();
    }

    @Test
    void dropLeavesOtherEntitiesAlone() {
        EntityLayout other = new EntityLayout("order-line", List.of(
                new StoredField("qty", DType.INTEGER, Strategy.INLINE_COLUMN)));
        backend.upsert(layout, List.of(row("p1", "a", 1.0, null)));
        backend.upsert(other, List.of(Map.of("object_id", "o1", "qty", 2L)));

        backend.drop(layout);

        assertThat(backend.ids(other)).containsExactly("o1");
    }

    @Test
    void physicalNamesCarryThePrefix() {
        InMemBackend prefixed = open("scratch", Map.of("type", "inmem", "prefix", "hb_"));
        EntityLayout orderLine = new EntityLayout("order-line", List.of(
                new StoredField("qty", DType.INTEGER, Strategy.INLINE_COLUMN)));

        prefixed.ensure(orderLine);

        assertThat(prefixed.physicalNames()).containsExactly("hb_order_line");
    }

    @Test
    void invalidPrefixIsAConfigurationError() {
        assertThatThrownBy(() -> open("scratch", Map.of("type", "inmem", "prefix", "x;drop")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.scratch.prefix");
    }

    @Test
    void executeFiltersBeforeTheNearCut() {
        backend.upsert(layout, List.of(row("close", "a", 50.0, new float[] {1, 0}),
                row("far", "b", 5.0, new float[] {0, 1}), row("none", "c", 1.0, null)));
        Fragment fragment = new Fragment(new Expr.Leaf("price", Op.LT, 10.0),
                new NearSpec("emb", new float[] {1, 0}, 1, Metric.COSINE), null, List.of(), 0, null,
                Set.of("title"));

        List<Hit> hits = backend.execute(layout, fragment);

        assertThat(hits).extracting(Hit::objectId).containsExactly("far");
        assertThat(hits.get(0).columns()).containsEntry("title", "b");
    }

    @Test
    void executeOrdersAndPages() {
        backend.upsert(layout, List.of(row("p1", "a", 3.0, null), row("p2", "b", 1.0, null),
                row("p3", "c", 2.0, null)));
        Fragment fragment = new Fragment(null, null, null, List.of(new SortKey("price", true)), 1, 1, Set.of());

        assertThat(backend.execute(layout, fragment)).extracting(Hit::objectId).containsExactly("p3");
    }

    @Test
    void pingSucceeds() {
        backend.ping();

        assertThat(backend.count(layout)).isZero();
    }

    @Test
    void readersNeverSeeHalfAnUpsert() throws InterruptedException {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Map<String, Object>> torn = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        backend.upsert(layout, List.of(row("p1", "v0", 0.0, null)));
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                Map<String, Object> seen = fetchOne("p1", "title", "price");
                if (!seen.get("title").equals("v" + ((Double) seen.get("price")).intValue())) {
                    torn.set(seen);
                }
            }
        });
        reader.setUncaughtExceptionHandler((thread, error) -> failure.set(error));
        reader.start();
        for (int i = 1; i <= 20_000; i++) {
            backend.upsert(layout, List.of(row("p1", "v" + i, (double) i, null)));
        }
        writing.set(false);
        reader.join();

        assertThat(failure.get()).isNull();
        assertThat(torn.get()).isNull();
        assertThat(fetchOne("p1", "title")).containsEntry("title", "v20000");
    }
}
