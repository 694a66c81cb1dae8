package io.heavenbase.backend.sql.duckdb;

import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.inline;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.layout;
import static io.heavenbase.backend.sql.duckdb.DuckdbFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Metric;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk writes go through the DuckDB Appender: 100,000 rows with text, a word index, an inline
 * LIST, a side table, a FLOAT[8] vector, JSON and a DATE load in one transaction in seconds (a
 * JDBC batch takes about 400 µs per row, over 40 s), replace rows on a second load, and leave
 * nothing behind when the load fails.
 */
class DuckdbBulkLoadTest {

    private static final int ROWS = 100_000;
    /** Far above the Appender's time on a loaded 2-core machine, far below a JDBC batch's. */
    private static final long LIMIT_MILLIS = 30_000;

    private final SqlBackend backend = DuckdbFixtures.memoryBackend();
    private final EntityLayout doc = layout("doc", inline("title", "ShortText"), inline("body", "LongText"),
            inline("n", "Integer"), inline("tags", "Array"), side("labels", "Array"), inline("vec", "Vector[8]"),
            inline("meta", "Json"), inline("day", "Date"));

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void givenOneHundredThousandRows_whenUpsertedInOneCall_thenTheyLoadInSecondsAndAreQueryable() {
        backend.ensure(doc);

        long millis = timed(() -> backend.upsert(doc, rows("first")));

        System.err.printf("duckdb appender: %d rows (6 columns, a LIST, a side table, a word index) in %d ms%n",
                ROWS, millis);
        assertThat(millis).isLessThan(LIMIT_MILLIS);
        assertThat(backend.count(doc)).isEqualTo(ROWS);
        assertThat(ids(new Expr.Leaf("body", Op.MATCH, "first w77777"))).containsExactly(id(77_777));
        assertThat(ids(new Expr.Leaf("labels", Op.ARRAY_CONTAINS, "l12345"))).containsExactly(id(12_345));
        assertThat(ids(new Expr.Leaf("tags", Op.ARRAY_CONTAINS, "t99999"))).containsExactly(id(99_999));
        assertThat(backend.fetch(doc, List.of(id(5)), List.of("meta", "day", "tags")).get(id(5)))
                .containsEntry("meta", Map.of("i", 5L, "kind", "first")).containsEntry("day", LocalDate.ofEpochDay(5))
                .containsEntry("tags", List.of("t5", "all"));
        List<Hit> nearest = backend.execute(doc, new Fragment(null, new NearSpec("vec", vector(42), 3, Metric.L2),
                null, List.of(), 0, null, Set.of()));
        assertThat(nearest.get(0).objectId()).isEqualTo(id(42));
    }

    @Test
    void givenLoadedRows_whenLoadedAgainWithNewValues_thenEveryRowAndItsSideAndWordRowsAreReplaced() {
        backend.ensure(doc);
        backend.upsert(doc, rows("first"));

        long millis = timed(() -> backend.upsert(doc, rows("second")));

        System.err.printf("duckdb appender: %d rows replaced in %d ms%n", ROWS, millis);
        assertThat(millis).isLessThan(LIMIT_MILLIS);
        assertThat(backend.count(doc)).isEqualTo(ROWS);
        assertThat(ids(new Expr.Leaf("body", Op.MATCH, "first"))).isEmpty();
        assertThat(ids(new Expr.Leaf("body", Op.MATCH, "second w3"))).containsExactly(id(3));
        assertThat(backend.fetch(doc, List.of(id(3)), List.of("labels", "meta")).get(id(3)))
                .containsEntry("labels", List.of("l3", "second")).containsEntry("meta", Map.of("i", 3L, "kind", "second"));
    }

    @Test
    void givenALoadWithOneUnstorableValue_whenUpserted_thenItFailsAndNoRowOfItIsStored() {
        backend.ensure(doc);
        backend.upsert(doc, rows("first").subList(0, 10));
        List<Map<String, Object>> batch = new ArrayList<>(rows("second").subList(0, 1000));
        Map<String, Object> bad = new LinkedHashMap<>(batch.get(999));
        bad.put("day", LocalDate.MAX);
        batch.set(999, bad);

        assertThatThrownBy(() -> backend.upsert(doc, batch)).isNotNull();

        assertThat(backend.count(doc)).isEqualTo(10);
        assertThat(ids(new Expr.Leaf("body", Op.MATCH, "second"))).isEmpty();
        assertThat(ids(new Expr.Leaf("labels", Op.ARRAY_CONTAINS, "second"))).isEmpty();
    }

    @Test
    void givenAnEmptyTableWithoutLists_whenManyRowsAreUpserted_thenEachReadsBackAsWhenWrittenAlone() {
        EntityLayout plain = layout("plain", inline("title", "ShortText"), inline("ratio", "Float"),
                inline("n", "Integer"), inline("day", "Date"), inline("meta", "Json"), side("labels", "Array"));
        backend.ensure(plain);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("object_id", id(i));
            row.put("title", i % 7 == 0 ? null : "t\t" + i);
            row.put("ratio", i % 2 == 0 ? -0.0 : i / 3.0);
            row.put("n", (long) i - 250);
            row.put("day", LocalDate.ofEpochDay(i * 100L - 20_000));
            row.put("meta", Map.of("i", (long) i));
            row.put("labels", List.of("l" + i));
            rows.add(row);
        }

        backend.upsert(plain, rows);

        SqlBackend alone = DuckdbFixtures.memoryBackend();
        try {
            alone.ensure(plain);
            for (int i : new int[] {0, 1, 7, 250, 499}) {
                alone.upsert(plain, List.of(rows.get(i)));
                List<String> fields = List.of("title", "ratio", "n", "day", "meta", "labels");
                assertThat(backend.fetch(plain, List.of(id(i)), fields).get(id(i)))
                        .isEqualTo(alone.fetch(plain, List.of(id(i)), fields).get(id(i)));
            }
        } finally {
            alone.close();
        }
        assertThat(backend.count(plain)).isEqualTo(500);
    }

    @Test
    void givenAnEmptyTableWithoutLists_whenALoadFailsHalfWay_thenNoRowOfItIsStored() {
        EntityLayout plain = layout("plain", inline("title", "ShortText"), inline("day", "Date"));
        backend.ensure(plain);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Map.of("object_id", id(i), "title", "t" + i, "day", i == 999 ? LocalDate.MAX : LocalDate.EPOCH));
        }

        assertThatThrownBy(() -> backend.upsert(plain, rows)).isNotNull();

        assertThat(backend.count(plain)).isZero();
    }

    private List<Map<String, Object>> rows(String kind) {
        List<Map<String, Object>> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("object_id", id(i));
            row.put("title", kind + " title " + i);
            row.put("body", kind + " body w" + i);
            row.put("n", (long) i);
            row.put("tags", List.of("t" + i, "all"));
            row.put("labels", List.of("l" + i, kind));
            row.put("vec", vector(i));
            row.put("meta", Map.of("i", (long) i, "kind", kind));
            row.put("day", LocalDate.ofEpochDay(i));
            rows.add(row);
        }
        return rows;
    }

    private static String id(int i) {
        return String.format("doc-%06d", i);
    }

    private static float[] vector(int i) {
        float[] vector = new float[8];
        for (int d = 0; d < 8; d++) {
            vector[d] = (float) Math.sin(i * 0.001 + d);
        }
        return vector;
    }

    private List<String> ids(Expr filter) {
        return backend.execute(doc, Fragment.filter(filter, null)).stream().map(Hit::objectId).toList();
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
