package io.heavenbase.backend.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writing, reading, deleting and dropping entity parts on a real server; every type round trips. */
class ElasticsearchStorageTest {

    private static final DType EDGE = DType.hyperG(edgeColumns());

    private final ElasticsearchBackend backend = TestBackends.open();
    private final EntityLayout layout = new EntityLayout("every-type", List.of(
            field("ident", DType.IDENTIFIER),
            field("short_text", DType.SHORT_TEXT),
            field("medium_text", DType.MEDIUM_TEXT),
            field("long_text", DType.LONG_TEXT),
            field("qty", DType.INTEGER),
            field("price", DType.FLOAT),
            field("flag", DType.BOOLEAN),
            field("color", DType.categorical("red", "green")),
            field("at", DType.TIMESTAMP),
            field("day", DType.DATE),
            field("tags", DType.array(DType.SHORT_TEXT)),
            field("sizes", DType.array(DType.INTEGER)),
            field("moments", DType.array(DType.TIMESTAMP)),
            field("emb", DType.vector(3), Strategy.VECTOR_INDEX),
            field("meta", DType.JSON),
            field("links", DType.HYPERG),
            field("edges", EDGE),
            field("blob", DType.ARTIFACT),
            field("_private", DType.SHORT_TEXT)));

    @AfterEach
    void dropAndClose() {
        try {
            backend.drop(layout);
        } finally {
            backend.close();
        }
    }

    private static Map<String, DType> edgeColumns() {
        Map<String, DType> columns = new LinkedHashMap<>();
        columns.put("target", DType.IDENTIFIER);
        columns.put("since", DType.TIMESTAMP);
        columns.put("weight", DType.FLOAT);
        return columns;
    }

    private static StoredField field(String name, DType dtype) {
        return field(name, dtype, Strategy.INLINE_COLUMN);
    }

    private static StoredField field(String name, DType dtype, Strategy strategy) {
        return new StoredField(name, dtype, strategy);
    }

    private static Map<String, Object> everyValue(String id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", "héllo 😀");
        json.put("long", Long.MAX_VALUE);
        json.put("double", 2.0);
        json.put("negative_zero", -0.0);
        json.put("flag", false);
        json.put("nothing", null);
        json.put("nested", List.of(1L, "two", Map.of("deep", List.of())));
        json.put("empty", Map.of());
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("target", "t-1");
        edge.put("since", Instant.parse("1969-07-20T20:17:40.123Z"));
        edge.put("weight", null);
        byte[] blob = new byte[256];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) i;
        }
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        row.put("ident", "id-😀");
        row.put("short_text", "t".repeat(250) + "é😀");
        row.put("medium_text", "m".repeat(4094) + "😀");
        row.put("long_text", "long text 😀 " + "x".repeat(60_000));
        row.put("qty", Long.MIN_VALUE);
        row.put("price", 1.0 / 3.0);
        row.put("flag", true);
        row.put("color", "green");
        row.put("at", Instant.parse("1901-12-13T20:45:52.001Z"));
        row.put("day", LocalDate.of(-4712, 1, 1));
        row.put("tags", List.of("one", "two words", "ÜBER", "one"));
        row.put("sizes", List.of(-1L, 0L, Long.MAX_VALUE));
        row.put("moments", List.of(Instant.parse("2024-07-08T09:10:11.123Z")));
        row.put("emb", new float[] {0.1f, -1.5f, Float.MIN_VALUE});
        row.put("meta", json);
        row.put("links", List.of(Map.of("slot", "color", "value", "red", "topic", "paint")));
        row.put("edges", List.of(edge));
        row.put("blob", blob);
        row.put("_private", "kept");
        return row;
    }

    private Map<String, Object> fetchOne(String id) {
        List<String> fields = new ArrayList<>();
        layout.fields().forEach(field -> fields.add(field.name()));
        return backend.fetch(layout, List.of(id), fields).get(id);
    }

    @Test
    void givenARowWithEveryType_whenFetched_thenEveryValueComesBackExactly() {
        backend.ensure(layout);
        Map<String, Object> written = everyValue("r1");

        backend.upsert(layout, List.of(written));
        Map<String, Object> read = fetchOne("r1");

        for (StoredField field : layout.fields()) {
            assertThat(read.get(field.name())).as(field.name()).isEqualTo(written.get(field.name()));
        }
        assertThat(read).containsEntry("object_id", "r1");
    }

    @Test
    void givenValuesOfTheExactJavaTypes_whenFetched_thenTypesAreCanonical() {
        backend.ensure(layout);
        backend.upsert(layout, List.of(everyValue("r1")));

        Map<String, Object> read = fetchOne("r1");

        assertThat(read.get("qty")).isInstanceOf(Long.class);
        assertThat(read.get("price")).isInstanceOf(Double.class);
        assertThat(read.get("at")).isInstanceOf(Instant.class);
        assertThat(read.get("day")).isInstanceOf(LocalDate.class);
        assertThat(read.get("emb")).isInstanceOf(float[].class);
        assertThat(read.get("blob")).isInstanceOf(byte[].class);
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) read.get("meta");
        assertThat(meta.get("double")).isEqualTo(2.0).isInstanceOf(Double.class);
        assertThat(meta.get("long")).isEqualTo(Long.MAX_VALUE).isInstanceOf(Long.class);
        assertThat(Double.doubleToRawLongBits((Double) meta.get("negative_zero")))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void givenJsonThatIsNotAnObject_whenFetched_thenItComesBackAsWritten() {
        backend.ensure(layout);
        List<Map<String, Object>> rows = List.of(row("s", "meta", "just text"), row("n", "meta", 42L),
                row("l", "meta", List.of(1.5, "x", true)));

        backend.upsert(layout, rows);

        assertThat(fetchOne("s").get("meta")).isEqualTo("just text");
        assertThat(fetchOne("n").get("meta")).isEqualTo(42L);
        assertThat(fetchOne("l").get("meta")).isEqualTo(List.of(1.5, "x", true));
    }

    @Test
    void givenARowWithoutValues_whenFetched_thenEveryFieldIsNull() {
        backend.ensure(layout);

        backend.upsert(layout, List.of(row("empty")));

        Map<String, Object> read = fetchOne("empty");
        for (StoredField field : layout.fields()) {
            assertThat(read.get(field.name())).as(field.name()).isNull();
        }
    }

    @Test
    void givenAStoredRow_whenUpsertedAgainWithFewerFields_thenTheMissingFieldsBecomeNull() {
        backend.ensure(layout);
        backend.upsert(layout, List.of(everyValue("r1")));

        backend.upsert(layout, List.of(row("r1", "qty", 7L)));

        Map<String, Object> read = fetchOne("r1");
        assertThat(read.get("qty")).isEqualTo(7L);
        assertThat(read.get("short_text")).isNull();
        assertThat(ids(new Expr.Leaf("short_text", Op.NULL, true))).containsExactly("r1");
        assertThat(backend.count(layout)).isEqualTo(1);
    }

    @Test
    void givenAnEmptyArray_whenFetched_thenItIsEmptyNotNull() {
        backend.ensure(layout);

        backend.upsert(layout, List.of(row("r1", "tags", List.of())));

        assertThat(fetchOne("r1").get("tags")).isEqualTo(List.of());
        assertThat(ids(new Expr.Leaf("tags", Op.NULL, false))).containsExactly("r1");
    }

    @Test
    void givenStoredRows_whenFetchingSomeFieldsAndUnknownIds_thenOnlyKnownIdsWithRequestedFields() {
        backend.ensure(layout);
        backend.upsert(layout, List.of(row("a", "qty", 1L, "price", 1.5), row("b", "qty", 2L)));

        Map<String, Map<String, Object>> read = backend.fetch(layout, List.of("a", "missing", "b"), List.of("qty"));

        assertThat(read).containsOnlyKeys("a", "b");
        assertThat(read.get("a")).containsOnlyKeys("qty", "object_id").containsEntry("qty", 1L);
        assertThat(read.get("b")).containsEntry("qty", 2L).containsEntry("object_id", "b");
    }

    @Test
    void givenStoredRows_whenFetchingNoFields_thenOnlyObjectIds() {
        backend.ensure(layout);
        backend.upsert(layout, List.of(row("a", "qty", 1L)));

        assertThat(backend.fetch(layout, List.of("a"), List.of()).get("a")).containsOnlyKeys("object_id");
    }

    @Test
    void givenStoredRows_whenDeletingSomeAndUnknownIds_thenOnlyTheOthersRemain() {
        backend.ensure(layout);
        backend.upsert(layout, List.of(row("a"), row("b"), row("c")));

        backend.delete(layout, List.of("b", "never-stored"));

        assertThat(backend.ids(layout)).containsExactlyInAnyOrder("a", "c");
        assertThat(backend.count(layout)).isEqualTo(2);
        assertThat(backend.fetch(layout, List.of("b"), List.of("qty"))).isEmpty();
    }

    @Test
    void givenManyRows_whenWritten_thenEveryIdIsStoredAndCounted() {
        backend.ensure(layout);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(row(String.format("id-%05d", i), "qty", (long) i));
        }

        backend.upsert(layout, rows);

        assertThat(backend.count(layout)).isEqualTo(2_500);
        assertThat(backend.ids(layout)).hasSize(2_500).contains("id-00000", "id-02499");
    }

    @Test
    void givenAnIndex_whenDropped_thenItHoldsNoRowsAndReadsSeeNothing() {
        backend.ensure(layout);
        backend.upsert(layout, List.of(row("a", "qty", 1L)));

        backend.drop(layout);

        assertThat(backend.count(layout)).isZero();
        assertThat(backend.ids(layout)).isEmpty();
        assertThat(backend.fetch(layout, List.of("a"), List.of("qty"))).isEmpty();
        assertThat(backend.execute(layout, Fragment.filter(null, null))).isEmpty();
    }

    @Test
    void givenNoEnsure_whenUpserted_thenTheIndexHasTheDeclaredMappingNotAGuessedOne() {
        backend.upsert(layout, List.of(row("b", "short_text", "Zebra"), row("a", "short_text", "apple")));

        Fragment byText = new Fragment(null, null, null, List.of(new SortKey("short_text", false)), 0, null, Set.of());
        assertThat(backend.execute(layout, byText)).extracting(Hit::objectId).containsExactly("b", "a");
    }

    @Test
    void givenAnEnsuredIndex_whenEnsuredAgainWithAnExtraField_thenTheNewFieldIsStored() {
        backend.ensure(layout);
        backend.ensure(layout);
        List<StoredField> fields = new ArrayList<>(layout.fields());
        fields.add(field("added", DType.SHORT_TEXT));
        EntityLayout wider = new EntityLayout(layout.entityId(), fields);

        backend.ensure(wider);
        backend.upsert(wider, List.of(row("a", "added", "new words")));

        assertThat(backend.fetch(wider, List.of("a"), List.of("added")).get("a")).containsEntry("added", "new words");
        assertThat(ids(wider, new Expr.Leaf("added", Op.MATCH, "words"))).containsExactly("a");
    }

    @Test
    void givenAnIndex_whenEnsuredWithAnIncompatibleType_thenBackendExceptionNamesTheIndexAndField() {
        backend.ensure(layout);
        List<StoredField> fields = new ArrayList<>(layout.fields());
        fields.set(4, field("qty", DType.SHORT_TEXT));

        assertThatThrownBy(() -> backend.ensure(new EntityLayout(layout.entityId(), fields)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(backend.index(layout))
                .hasMessageContaining("qty");
    }

    @Test
    void givenADocumentTheServerRejects_whenUpserted_thenBackendExceptionNamesTheIndexAndDocument() {
        backend.ensure(layout);
        Map<String, Object> good = row("good", "qty", 1L);
        Map<String, Object> bad = row("bad", "emb", new float[] {1f, 2f});

        assertThatThrownBy(() -> backend.upsert(layout, List.of(good, bad)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("backend 'search'")
                .hasMessageContaining(backend.index(layout))
                .hasMessageContaining("document 'bad'");
        assertThat(backend.ids(layout)).containsExactly("good");
    }

    @Test
    void givenARowWithoutStringId_whenUpserted_thenBackendException() {
        backend.ensure(layout);
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", 5);

        assertThatThrownBy(() -> backend.upsert(layout, List.of(row)))
                .isInstanceOf(BackendException.class).hasMessageContaining("object_id");
    }

    @Test
    void givenTheIndexName_thenItIsPrefixPlusEntityIdWithUnderscores() {
        assertThat(backend.index(layout)).endsWith("every_type").startsWith("hbt");
    }

    @Test
    void givenAReachableServer_whenPinged_thenNoError() {
        backend.ping();
    }

    private List<String> ids(Expr filter) {
        return ids(layout, filter);
    }

    private List<String> ids(EntityLayout target, Expr filter) {
        List<String> ids = new ArrayList<>();
        for (Hit hit : backend.execute(target, Fragment.filter(filter, null))) {
            ids.add(hit.objectId());
        }
        return ids;
    }

    private static Map<String, Object> row(String id, Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
