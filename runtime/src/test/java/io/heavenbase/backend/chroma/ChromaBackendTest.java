package io.heavenbase.backend.chroma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.Metric;
import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chroma backend through the SPI against a real Chroma server: storage, writes, reads, structures. */
class ChromaBackendTest {

    static final EntityLayout EVERY_TYPE = new EntityLayout("chroma-item", List.of(
            inline("title", "ShortText"), inline("ref", "Identifier"), inline("summary", "MediumText"),
            inline("body", "LongText"), inline("qty", "Integer"), inline("price", "Float"),
            inline("active", "Boolean"), inline("color", "Categorical[red,green,blue]"),
            inline("created", "Timestamp"), inline("day", "Date"), inline("tags", "Array[ShortText]"),
            inline("sizes", "Array[Integer]"), inline("moments", "Array[Timestamp]"),
            new StoredField("embedding", DType.parse("Vector[3]"), Strategy.VECTOR_INDEX),
            inline("sketch", "Vector[2]"), inline("meta", "Json"), inline("links", "HyperG"),
            inline("blob", "Artifact")));

    private final List<Backend> opened = new ArrayList<>();
    private Map<String, Object> config;
    private Backend backend;

    @BeforeEach
    void openBackend() {
        config = ChromaTestServer.config();
        backend = open(config);
        backend.ensure(EVERY_TYPE);
    }

    @AfterEach
    void dropAndClose() {
        for (Backend each : opened) {
            try {
                each.drop(EVERY_TYPE);
            } finally {
                each.close();
            }
        }
    }

    @Test
    void givenEveryLogicalType_whenUpsertedAndFetched_thenEveryValueComesBackExactly() {
        Map<String, Object> row = everyTypeRow("all");

        backend.upsert(EVERY_TYPE, List.of(row));
        Map<String, Object> fetched = backend.fetch(EVERY_TYPE, List.of("all"), names(EVERY_TYPE)).get("all");

        assertThat(fetched).isNotNull();
        for (StoredField field : EVERY_TYPE.fields()) {
            assertThat(fetched.get(field.name())).as(field.name()).isEqualTo(row.get(field.name()));
        }
        assertThat(fetched).containsEntry("object_id", "all");
    }

    @Test
    void givenAVectorCosineWouldRenormalise_whenFetched_thenItsFloatsAreTheOnesWritten() {
        float[] awkward = {1f, 0.5f, -2f};
        backend.upsert(EVERY_TYPE, List.of(Map.of("object_id", "v", "embedding", awkward)));

        Object fetched = backend.fetch(EVERY_TYPE, List.of("v"), List.of("embedding")).get("v").get("embedding");

        assertThat((float[]) fetched).containsExactly(awkward);
    }

    @Test
    void givenAStoredValue_whenTheRowIsUpsertedWithNull_thenTheValueIsGoneForReadsAndFilters() {
        backend.upsert(EVERY_TYPE, List.of(everyTypeRow("a")));
        Map<String, Object> cleared = new HashMap<>(everyTypeRow("a"));
        cleared.put("title", null);
        cleared.remove("qty");

        backend.upsert(EVERY_TYPE, List.of(cleared));

        Map<String, Object> fetched = backend.fetch(EVERY_TYPE, List.of("a"), List.of("title", "qty", "color")).get("a");
        assertThat(fetched).containsEntry("title", null).containsEntry("qty", null).containsEntry("color", "green");
        assertThat(ids(new Expr.Leaf("title", Op.EQ, "Crème brûlée 🍮"))).isEmpty();
        assertThat(ids(new Expr.Leaf("qty", Op.NE, 1L))).containsExactly("a");
    }

    @Test
    void givenARowWithAVector_whenUpsertedWithoutOne_thenItIsMarkedAsHavingNone() {
        backend.upsert(EVERY_TYPE, List.of(Map.of("object_id", "a", "embedding", new float[] {1, 0, 0})));

        backend.upsert(EVERY_TYPE, List.of(Map.of("object_id", "a")));

        assertThat(backend.fetch(EVERY_TYPE, List.of("a"), List.of("embedding")).get("a")).containsEntry("embedding", null);
        Fragment near = new Fragment(null, new NearSpec("embedding", new float[] {1, 0, 0}, 5, Metric.COSINE), null,
                List.of(), 0, null, Set.of());
        assertThat(backend.execute(EVERY_TYPE, near)).isEmpty();
    }

    @Test
    void givenRows_whenUpsertedAgain_thenReplacedNotDuplicated() {
        backend.upsert(EVERY_TYPE, List.of(Map.of("object_id", "a", "qty", 1L), Map.of("object_id", "b", "qty", 2L)));

        backend.upsert(EVERY_TYPE, List.of(Map.of("object_id", "a", "qty", 10L)));

        assertThat(backend.count(EVERY_TYPE)).isEqualTo(2);
        assertThat(backend.fetch(EVERY_TYPE, List.of("a"), List.of("qty")).get("a")).containsEntry("qty", 10L);
    }

    @Test
    void givenRows_whenSomeAreDeleted_thenOnlyTheOthersRemainAndUnknownIdsAreIgnored() {
        backend.upsert(EVERY_TYPE, rows("a", "b", "c"));

        backend.delete(EVERY_TYPE, List.of("b", "missing"));

        assertThat(backend.ids(EVERY_TYPE)).containsExactlyInAnyOrder("a", "c");
        assertThat(backend.count(EVERY_TYPE)).isEqualTo(2);
        assertThat(backend.fetch(EVERY_TYPE, List.of("a", "b"), List.of("qty"))).containsOnlyKeys("a");
    }

    @Test
    void givenMoreRowsThanOnePage_whenListingFetchingAndFiltering_thenEveryRowIsSeen() {
        int total = FragmentExecutor.READ_PAGE + 205;
        List<Map<String, Object>> many = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String id = String.format("r%05d", i);
            ids.add(id);
            many.add(Map.of("object_id", id, "qty", (long) i, "title", "t" + i));
        }

        backend.upsert(EVERY_TYPE, many);

        assertThat(backend.ids(EVERY_TYPE)).hasSize(total);
        assertThat(backend.fetch(EVERY_TYPE, ids, List.of("qty"))).hasSize(total);
        List<Hit> even = backend.execute(EVERY_TYPE, new Fragment(new Expr.Not(new Expr.Leaf("qty", Op.LT, 100L)), null,
                null, List.of(), 0, null, Set.of("qty")));
        assertThat(even).hasSize(total - 100);
    }

    @Test
    void givenAFilterFragment_whenExecuted_thenIdsComeInObjectIdOrderWithOffsetAndLimit() {
        backend.upsert(EVERY_TYPE, rows("d", "b", "a", "c", "e"));

        List<Hit> hits = backend.execute(EVERY_TYPE, new Fragment(new Expr.Leaf("qty", Op.GTE, 0L), null,
                Set.of("a", "b", "c", "d"), List.of(), 1, 2, Set.of()));

        assertThat(hits).extracting(Hit::objectId).containsExactly("b", "c");
        assertThat(hits).allSatisfy(hit -> assertThat(hit.score()).isNaN());
    }

    @Test
    void givenRequestedColumns_whenExecuted_thenEachHitCarriesThem() {
        backend.upsert(EVERY_TYPE, List.of(Map.of("object_id", "a", "qty", 3L, "title", "x")));

        List<Hit> hits = backend.execute(EVERY_TYPE, new Fragment(null, null, null, List.of(), 0, null,
                Set.of("qty", "title")));

        assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.columns())
                .containsEntry("qty", 3L).containsEntry("title", "x"));
    }

    @Test
    void givenTheEntityWasNeverEnsured_whenRead_thenEmptyNotAnError() {
        EntityLayout other = new EntityLayout("never-ensured", List.of(inline("qty", "Integer")));

        assertThat(backend.count(other)).isZero();
        assertThat(backend.ids(other)).isEmpty();
        assertThat(backend.fetch(other, List.of("a"), List.of("qty"))).isEmpty();
        assertThat(backend.execute(other, Fragment.filter(null, null))).isEmpty();
    }

    @Test
    void givenAnEntity_whenDropped_thenItsRowsAreGoneAndItCanBeEnsuredAgain() {
        backend.upsert(EVERY_TYPE, rows("a", "b"));

        backend.drop(EVERY_TYPE);

        assertThat(backend.count(EVERY_TYPE)).isZero();
        backend.ensure(EVERY_TYPE);
        backend.upsert(EVERY_TYPE, rows("c"));
        assertThat(backend.ids(EVERY_TYPE)).containsExactly("c");
    }

    @Test
    void givenTheCollectionWasDroppedByAnotherClient_whenWriting_thenItIsCreatedAgain() {
        Backend other = open(config);
        backend.upsert(EVERY_TYPE, rows("a"));

        other.drop(EVERY_TYPE);
        backend.upsert(EVERY_TYPE, rows("b"));

        assertThat(backend.ids(EVERY_TYPE)).containsExactly("b");
    }

    @Test
    void givenTwoVectorIndexFields_whenEnsured_thenRejectedNamingTheFieldAndBackend() {
        EntityLayout twoIndexed = new EntityLayout("two-vectors", List.of(
                new StoredField("first", DType.parse("Vector[2]"), Strategy.VECTOR_INDEX),
                new StoredField("second", DType.parse("Vector[2]"), Strategy.VECTOR_INDEX)));

        assertThatThrownBy(() -> backend.ensure(twoIndexed)).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("'second'").hasMessageContaining("'vec'").hasMessageContaining("VectorIndex");
    }

    @Test
    void givenTwoPrefixes_whenTheSameEntityIsWritten_thenEachBackendSeesOnlyItsOwnRows() {
        Backend other = open(ChromaTestServer.config());
        other.ensure(EVERY_TYPE);
        backend.upsert(EVERY_TYPE, rows("a", "b"));

        other.upsert(EVERY_TYPE, rows("z"));

        assertThat(backend.ids(EVERY_TYPE)).containsExactlyInAnyOrder("a", "b");
        assertThat(other.ids(EVERY_TYPE)).containsExactly("z");
    }

    @Test
    void givenAnotherTenantAndDatabase_whenUsed_thenTheyAreCreatedAndIsolatedFromTheDefaultOnes() {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Map<String, Object> elsewhere = new LinkedHashMap<>(config);
        elsewhere.put("tenant", "hb_tenant_" + suffix);
        elsewhere.put("database", "hb_db_" + suffix);
        Backend isolated = open(elsewhere);
        isolated.ensure(EVERY_TYPE);

        isolated.upsert(EVERY_TYPE, rows("elsewhere"));

        assertThat(isolated.ids(EVERY_TYPE)).containsExactly("elsewhere");
        assertThat(backend.ids(EVERY_TYPE)).isEmpty();
    }

    @Test
    void givenAServerThatDoesNotAnswer_whenPinged_thenABackendErrorNamesTheBackendButNotTheToken() {
        Backend down = new ChromaProvider().open(new BackendConfig("gone", Map.of("type", "chroma",
                "url", "http://127.0.0.1:1", "token", "s3cret-token")));

        assertThatThrownBy(down::ping).isInstanceOf(BackendException.class).hasMessageContaining("'gone'")
                .hasMessageNotContaining("s3cret-token");
    }

    @Test
    void givenAToken_whenTheServerDoesNotCheckTokens_thenRequestsStillWork() {
        Backend withToken = open(ChromaTestServer.config("token", "any-token"));

        withToken.ensure(EVERY_TYPE);
        withToken.upsert(EVERY_TYPE, rows("a"));

        assertThat(withToken.count(EVERY_TYPE)).isEqualTo(1);
    }

    private Backend open(Map<String, Object> config) {
        Backend opened = new ChromaProvider().open(new BackendConfig("vec", config));
        this.opened.add(opened);
        return opened;
    }

    private List<String> ids(Expr filter) {
        List<String> ids = new ArrayList<>();
        for (Hit hit : backend.execute(EVERY_TYPE, Fragment.filter(filter, null))) {
            ids.add(hit.objectId());
        }
        return ids;
    }

    private static List<Map<String, Object>> rows(String... ids) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(Map.of("object_id", id, "qty", 1L));
        }
        return rows;
    }

    static Map<String, Object> everyTypeRow(String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id);
        row.put("title", "Crème brûlée 🍮");
        row.put("ref", "other-1");
        row.put("summary", "line one\nline \"two\" \\ three");
        row.put("body", "x".repeat(65_535));
        row.put("qty", Long.MIN_VALUE + 1);
        row.put("price", 0.1 + 0.2);
        row.put("active", false);
        row.put("color", "green");
        row.put("created", Instant.parse("1969-12-31T23:59:59.999Z"));
        row.put("day", LocalDate.of(-44, 3, 15));
        row.put("tags", List.of("a", "", "ü"));
        row.put("sizes", List.of(Long.MAX_VALUE, -1L));
        row.put("moments", List.of(Instant.parse("2024-01-02T03:04:05.678Z")));
        row.put("embedding", new float[] {0.1f, -3.4e38f, 1.0e-45f});
        row.put("sketch", new float[] {1f, 0.5f});
        row.put("meta", DType.JSON.normalize(Map.of("k", List.of(1, 2.5, "s", true), "n", Map.of()), "x", "meta"));
        row.put("links", DType.HYPERG.normalize(List.of(Map.of("slot", "a", "value", "b", "topic", "c"),
                Map.of("slot", "d")), "x", "links"));
        row.put("blob", new byte[] {0, 1, (byte) 0xff, 42});
        return row;
    }

    private static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }

    private static List<String> names(EntityLayout layout) {
        List<String> names = new ArrayList<>();
        for (StoredField field : layout.fields()) {
            names.add(field.name());
        }
        return names;
    }
}
