package io.heavenbase.backend.lance;

import static io.heavenbase.backend.lance.LanceFixtures.indexed;
import static io.heavenbase.backend.lance.LanceFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writing, reading, deleting and dropping rows of every logical type through the lance backend. */
class LanceStorageTest {

    private static final EntityLayout EVERY_TYPE = new EntityLayout("every-type", List.of(
            inline("title", "ShortText"), inline("ref", "Identifier"), inline("summary", "MediumText"),
            inline("body", "LongText"), inline("qty", "Integer"), inline("price", "Float"),
            inline("active", "Boolean"), inline("color", "Categorical[red,green,blue]"),
            inline("created", "Timestamp"), inline("day", "Date"), inline("tags", "Array[ShortText]"),
            inline("sizes", "Array[Integer]"), inline("moments", "Array[Timestamp]"), inline("raw", "Vector[3]"),
            indexed("embedding", 3), inline("meta", "Json"), inline("links", "HyperG"),
            inline("blob", "Artifact")));
    /** Ids a careless filter would break on: quotes, backslashes, SQL, non-BMP characters, newlines. */
    static final List<String> HOSTILE_IDS = List.of("it's", "'; DROP TABLE x; --", "back\\slash", "a\\'b",
            "quote'' twice", "emoji 😀 id", "new\nline", "tab\tand \"double\"", "%_like*", "é", "𝄞'𝄞");

    private Path directory;
    private LanceBackend backend;

    @BeforeEach
    void openBackend() {
        directory = LanceFixtures.temporaryDirectory();
        backend = LanceFixtures.open(directory);
        backend.ensure(EVERY_TYPE);
    }

    @AfterEach
    void closeBackend() {
        backend.close();
        LanceFixtures.removeTree(directory);
    }

    @Test
    void givenAValueOfEveryType_whenUpsertedAndFetched_thenTheSameCanonicalValuesComeBack() {
        Map<String, Object> row = fullRow("full");

        backend.upsert(EVERY_TYPE, List.of(row));
        Map<String, Object> stored = backend.fetch(EVERY_TYPE, List.of("full"), fieldNames()).get("full");

        assertThat(stored).containsOnlyKeys(withId(fieldNames()));
        row.forEach((field, value) -> assertThat(stored.get(field)).as(field).isEqualTo(value));
    }

    @Test
    void givenARowWithOnlyAnId_whenFetched_thenEveryFieldIsNull() {
        backend.upsert(EVERY_TYPE, List.of(Map.of(Names.OBJECT_ID, "bare")));

        Map<String, Object> stored = backend.fetch(EVERY_TYPE, List.of("bare"), fieldNames()).get("bare");

        assertThat(stored).containsEntry(Names.OBJECT_ID, "bare");
        fieldNames().forEach(field -> assertThat(stored.get(field)).as(field).isNull());
    }

    @Test
    void givenAnEmptyArrayAndAnEmptyJsonList_whenFetched_thenTheyStayEmptyNotNull() {
        Map<String, Object> row = new HashMap<>(Map.of(Names.OBJECT_ID, "empty", "tags", List.of(), "meta", List.of(),
                "links", List.of()));

        backend.upsert(EVERY_TYPE, List.of(row));
        Map<String, Object> stored = backend.fetch(EVERY_TYPE, List.of("empty"), List.of("tags", "meta", "links"))
                .get("empty");

        assertThat(stored.get("tags")).isEqualTo(List.of());
        assertThat(stored.get("meta")).isEqualTo(List.of());
        assertThat(stored.get("links")).isEqualTo(List.of());
    }

    @Test
    void givenAStoredRow_whenUpsertedAgain_thenItIsReplacedWholeAndNotDuplicated() {
        backend.upsert(EVERY_TYPE, List.of(fullRow("r")));

        backend.upsert(EVERY_TYPE, List.of(Map.of(Names.OBJECT_ID, "r", "title", "second")));

        assertThat(backend.count(EVERY_TYPE)).isEqualTo(1);
        Map<String, Object> stored = backend.fetch(EVERY_TYPE, List.of("r"), List.of("title", "qty")).get("r");
        assertThat(stored).containsEntry("title", "second").containsEntry("qty", null);
    }

    @Test
    void givenTheSameIdTwiceInOneBatch_whenUpserted_thenTheLastRowWins() {
        backend.upsert(EVERY_TYPE, List.of(Map.of(Names.OBJECT_ID, "twice", "title", "first"),
                Map.of(Names.OBJECT_ID, "twice", "title", "last")));

        assertThat(backend.fetch(EVERY_TYPE, List.of("twice"), List.of("title")).get("twice"))
                .containsEntry("title", "last");
        assertThat(backend.count(EVERY_TYPE)).isEqualTo(1);
    }

    @Test
    void givenHostileIdsAndTexts_whenWrittenFetchedAndListed_thenEachIsKeptExactly() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : HOSTILE_IDS) {
            rows.add(Map.of(Names.OBJECT_ID, id, "title", id, "tags", List.of(id)));
        }

        backend.upsert(EVERY_TYPE, rows);
        Map<String, Map<String, Object>> stored = backend.fetch(EVERY_TYPE, HOSTILE_IDS, List.of("title", "tags"));

        assertThat(backend.ids(EVERY_TYPE)).containsExactlyInAnyOrderElementsOf(HOSTILE_IDS);
        assertThat(stored).containsOnlyKeys(HOSTILE_IDS);
        HOSTILE_IDS.forEach(id -> assertThat(stored.get(id)).containsEntry("title", id).containsEntry("tags", List.of(id)));
    }

    @Test
    void givenHostileIds_whenSomeAreDeleted_thenExactlyThoseAreGone() {
        List<Map<String, Object>> rows = new ArrayList<>();
        HOSTILE_IDS.forEach(id -> rows.add(Map.of(Names.OBJECT_ID, id)));
        rows.add(Map.of(Names.OBJECT_ID, "it"));
        rows.add(Map.of(Names.OBJECT_ID, "s"));
        backend.upsert(EVERY_TYPE, rows);

        backend.delete(EVERY_TYPE, List.of("it's", "'; DROP TABLE x; --", "emoji 😀 id", "𝄞'𝄞", "never-stored"));

        assertThat(backend.ids(EVERY_TYPE)).containsExactlyInAnyOrder("back\\slash", "a\\'b", "quote'' twice",
                "new\nline", "tab\tand \"double\"", "%_like*", "é", "it", "s");
    }

    @Test
    void givenMoreIdsThanOneDeleteChunk_whenDeleted_thenAllAreGone() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LanceBackend.DELETE_CHUNK + 5; i++) {
            rows.add(Map.of(Names.OBJECT_ID, "id-" + i));
            ids.add("id-" + i);
        }
        rows.add(Map.of(Names.OBJECT_ID, "kept"));
        backend.upsert(EVERY_TYPE, rows);

        backend.delete(EVERY_TYPE, ids);

        assertThat(backend.ids(EVERY_TYPE)).containsExactly("kept");
    }

    @Test
    void givenUnknownIds_whenFetched_thenTheyAreAbsentFromTheResult() {
        backend.upsert(EVERY_TYPE, List.of(Map.of(Names.OBJECT_ID, "known")));

        assertThat(backend.fetch(EVERY_TYPE, List.of("known", "unknown"), List.of("title"))).containsOnlyKeys("known");
    }

    @Test
    void givenAStoredEntity_whenDropped_thenItsDatasetDirectoryIsGoneAndItHasNoRows() {
        backend.upsert(EVERY_TYPE, List.of(Map.of(Names.OBJECT_ID, "x")));
        Path dataset = directory.resolve("every_type.lance");
        assertThat(dataset).isDirectory();

        backend.drop(EVERY_TYPE);

        assertThat(dataset).doesNotExist();
        assertThat(backend.count(EVERY_TYPE)).isZero();
        assertThat(backend.ids(EVERY_TYPE)).isEmpty();
    }

    @Test
    void givenAPrefix_whenEnsured_thenTheDatasetNameStartsWithIt() {
        try (LanceBackend prefixed = LanceFixtures.open(directory, "prefix", "app_")) {
            prefixed.ensure(EVERY_TYPE);
        }

        assertThat(directory.resolve("app_every_type.lance")).isDirectory();
    }

    @Test
    void givenAnotherInstanceWrote_whenRefreshed_thenItsRowsAreSeen() {
        backend.upsert(EVERY_TYPE, List.of(Map.of(Names.OBJECT_ID, "mine")));
        assertThat(backend.count(EVERY_TYPE)).isEqualTo(1);
        try (LanceBackend other = LanceFixtures.open(directory)) {
            other.ensure(EVERY_TYPE);
            other.upsert(EVERY_TYPE, List.of(Map.of(Names.OBJECT_ID, "theirs", "title", "from the other")));
            other.delete(EVERY_TYPE, List.of("mine"));
        }

        backend.refresh();

        assertThat(backend.ids(EVERY_TYPE)).containsExactly("theirs");
        assertThat(backend.fetch(EVERY_TYPE, List.of("theirs"), List.of("title")).get("theirs"))
                .containsEntry("title", "from the other");
    }

    @Test
    void givenALayoutWithANewField_whenEnsuredAgain_thenOldRowsKeepTheirValuesAndTheNewFieldIsNull() {
        EntityLayout small = new EntityLayout("growing", List.of(inline("title", "ShortText")));
        EntityLayout grown = new EntityLayout("growing", List.of(inline("title", "ShortText"), inline("qty", "Integer")));
        backend.ensure(small);
        backend.upsert(small, List.of(Map.of(Names.OBJECT_ID, "old", "title", "kept")));

        backend.ensure(grown);
        backend.upsert(grown, List.of(Map.of(Names.OBJECT_ID, "new", "title", "n", "qty", 3L)));

        Map<String, Map<String, Object>> stored = backend.fetch(grown, List.of("old", "new"), List.of("title", "qty"));
        assertThat(stored.get("old")).containsEntry("title", "kept").containsEntry("qty", null);
        assertThat(stored.get("new")).containsEntry("qty", 3L);
    }

    @Test
    void givenAFieldWhoseTypeChanged_whenEnsured_thenABackendErrorNamesTheField() {
        EntityLayout before = new EntityLayout("changing", List.of(inline("qty", "Integer")));
        EntityLayout after = new EntityLayout("changing", List.of(inline("qty", "ShortText")));
        backend.ensure(before);

        assertThatThrownBy(() -> backend.ensure(after)).isInstanceOf(BackendException.class)
                .hasMessageContaining("'vec'").hasMessageContaining("changing.qty");
    }

    @Test
    void givenManyWrites_whenCompactionRuns_thenEveryRowIsStillThere() {
        try (LanceBackend compacting = LanceFixtures.open(directory, "compact-every", 3)) {
            EntityLayout layout = new EntityLayout("compacted", List.of(inline("qty", "Integer")));
            compacting.ensure(layout);
            for (long i = 0; i < 7; i++) {
                compacting.upsert(layout, List.of(Map.of(Names.OBJECT_ID, "r" + i, "qty", i)));
            }
            compacting.delete(layout, List.of("r0"));

            assertThat(compacting.ids(layout)).containsExactlyInAnyOrder("r1", "r2", "r3", "r4", "r5", "r6");
        }
    }

    @Test
    void givenAWriteToADroppedEntity_whenUpserted_thenABackendErrorNamesTheEntity() {
        backend.drop(EVERY_TYPE);

        assertThatThrownBy(() -> backend.upsert(EVERY_TYPE, List.of(Map.of(Names.OBJECT_ID, "x"))))
                .isInstanceOf(BackendException.class).hasMessageContaining("every-type");
    }

    private static List<String> fieldNames() {
        return EVERY_TYPE.fields().stream().map(f -> f.name()).toList();
    }

    private static List<String> withId(List<String> fields) {
        List<String> out = new ArrayList<>(fields);
        out.add(Names.OBJECT_ID);
        return out;
    }

    private static Map<String, Object> fullRow(String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(Names.OBJECT_ID, id);
        row.put("title", "Ünïcode 😀 'quoted' \\ back");
        row.put("ref", "other-1");
        row.put("summary", "medium\ntext");
        row.put("body", "long ".repeat(2000));
        row.put("qty", Long.MIN_VALUE);
        row.put("price", -0.0);
        row.put("active", false);
        row.put("color", "green");
        row.put("created", Instant.parse("1969-07-20T20:17:40.123Z"));
        row.put("day", LocalDate.of(1900, 2, 28));
        row.put("tags", List.of("a", "b'c", "😀"));
        row.put("sizes", List.of(Long.MAX_VALUE, 0L, -3L));
        row.put("moments", List.of(Instant.parse("2024-01-02T03:04:05.006Z")));
        row.put("raw", new float[] {1.5f, -0f, Float.MAX_VALUE});
        row.put("embedding", new float[] {0.1f, 0.2f, 0.3f});
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("n", 1L);
        meta.put("x", 2.5);
        meta.put("list", List.of("a", true));
        meta.put("none", null);
        row.put("meta", meta);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("slot", "s");
        link.put("value", "v");
        link.put("topic", null);
        row.put("links", List.of(link));
        row.put("blob", new byte[] {0, 1, (byte) 0xff, 'x'});
        return row;
    }
}
