package io.heavenbase.backend.elasticsearch;

import static io.heavenbase.backend.elasticsearch.ElasticsearchFilterTest.ids;
import static io.heavenbase.backend.elasticsearch.ElasticsearchFilterTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.support.RowScan;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.StoredField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ordering and paging on a real server match {@link RowScan}: text by code point (emoji after
 * U+FFFD), numbers numerically with both float zeros equal, nulls last ascending and first
 * descending, ties by object_id; offsets and limits past one search page use search_after.
 */
class ElasticsearchOrderTest {

    /** Small pages, so a dozen rows already need several search_after requests. */
    private static final int PAGE_SIZE = 3;
    private static final EntityLayout LAYOUT = new EntityLayout("order-rows", List.of(
            new StoredField("title", DType.SHORT_TEXT, Strategy.INLINE_COLUMN),
            new StoredField("qty", DType.INTEGER, Strategy.INLINE_COLUMN),
            new StoredField("price", DType.FLOAT, Strategy.INLINE_COLUMN),
            new StoredField("active", DType.BOOLEAN, Strategy.INLINE_COLUMN),
            new StoredField("at", DType.TIMESTAMP, Strategy.INLINE_COLUMN),
            new StoredField("day", DType.DATE, Strategy.INLINE_COLUMN),
            new StoredField("color", DType.categorical("red", "green", "blue"), Strategy.INLINE_COLUMN)));
    private static final List<Map<String, Object>> ROWS = rows();
    private static ElasticsearchBackend backend;
    private static ElasticsearchBackend paged;

    @BeforeAll
    static void load() {
        Map<String, Object> config = TestBackends.config();
        backend = TestBackends.open(config, ElasticsearchBackend.PAGE_SIZE);
        paged = TestBackends.open(config, PAGE_SIZE);
        backend.ensure(LAYOUT);
        backend.upsert(LAYOUT, ROWS);
    }

    @AfterAll
    static void dropAndClose() {
        if (backend != null) {
            try {
                backend.drop(LAYOUT);
            } finally {
                backend.close();
                paged.close();
            }
        }
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("o01", "title", "apple", "qty", 5L, "price", 0.0, "active", true,
                "at", Instant.parse("2024-01-01T00:00:00Z"), "day", LocalDate.of(2024, 1, 1), "color", "red"));
        rows.add(row("o02", "title", "Apple", "qty", -5L, "price", -0.0, "active", false,
                "at", Instant.parse("1969-01-01T00:00:00Z"), "day", LocalDate.of(-100, 1, 1), "color", "green"));
        rows.add(row("o03", "title", "😀", "qty", 5L, "price", 2.5, "day", LocalDate.of(12_000, 1, 1)));
        rows.add(row("o04", "title", "\uFFFD", "price", -0.0, "active", true, "color", "blue"));
        rows.add(row("o05", "title", "éclair", "qty", Long.MIN_VALUE, "price", -1.0e300,
                "at", Instant.parse("2024-01-01T00:00:00Z")));
        rows.add(row("o06"));
        rows.add(row("o07", "title", "eclair", "qty", Long.MAX_VALUE, "price", 1.0e-300, "active", false,
                "color", "red"));
        rows.add(row("o08", "title", "", "qty", 0L, "price", 0.0));
        rows.add(row("o09", "title", "apple", "qty", 5L, "at", Instant.parse("2024-01-01T00:00:00.001Z")));
        rows.add(row("o10", "title", "ｚ", "price", 2.5, "day", LocalDate.of(2024, 1, 1)));
        rows.add(row("o11", "title", "Zebra", "qty", 1L, "active", true));
        rows.add(row("o12", "qty", 5L, "price", 0.0, "color", "green"));
        return rows;
    }

    @ParameterizedTest(name = "order by {0}")
    @CsvSource({"title", "-title", "qty", "-qty", "price", "-price", "active", "-active", "at", "-at", "day", "-day",
            "color", "-color", "qty|-price", "-active|title", "color|-qty|price"})
    void givenEdgeCaseRows_whenOrdered_thenTheOrderOfTheEngine(String keys) {
        Fragment fragment = new Fragment(null, null, null, sortKeys(keys), 0, null, Set.of());

        assertThat(ids(backend.execute(LAYOUT, fragment))).containsExactlyElementsOf(ids(RowScan.execute(ROWS, fragment)));
        assertThat(ids(paged.execute(LAYOUT, fragment))).containsExactlyElementsOf(ids(RowScan.execute(ROWS, fragment)));
    }

    @ParameterizedTest(name = "offset {0} limit {1}")
    @CsvSource({"0,0", "0,1", "2,3", "3,3", "4,100", "11,5", "12,5", "20,1", "5,", "0,"})
    void givenOffsetAndLimit_whenOrdered_thenThatSliceOfTheOrder(int offset, Integer limit) {
        Fragment fragment = new Fragment(new Expr.Leaf("title", Op.NE, "Zebra"), null, null, sortKeys("-price|title"),
                offset, limit, Set.of());

        List<String> expected = ids(RowScan.execute(ROWS, fragment));
        assertThat(ids(backend.execute(LAYOUT, fragment))).containsExactlyElementsOf(expected);
        assertThat(ids(paged.execute(LAYOUT, fragment))).containsExactlyElementsOf(expected);
    }

    @Test
    void givenTextWithEmojiAndReplacementCharacter_whenOrderedAscending_thenCodePointOrderWithNullsLast() {
        Fragment fragment = new Fragment(null, null, null, sortKeys("title"), 0, null, Set.of());

        assertThat(ids(backend.execute(LAYOUT, fragment))).containsExactly("o08", "o02", "o11", "o01", "o09", "o07",
                "o05", "o10", "o04", "o03", "o06", "o12");
    }

    @Test
    void givenBothFloatZeros_whenOrdered_thenTheyTieAndObjectIdDecides() {
        Fragment fragment = new Fragment(new Expr.Leaf("price", Op.EQ, 0.0), null, null, sortKeys("price"), 0, null,
                Set.of());

        assertThat(ids(backend.execute(LAYOUT, fragment))).containsExactly("o01", "o02", "o04", "o08", "o12");
    }

    @Test
    void givenMoreRowsThanOnePage_whenAllIdsAreRead_thenEveryId() {
        assertThat(paged.ids(LAYOUT)).hasSize(ROWS.size()).contains("o01", "o12");
    }

    private static List<SortKey> sortKeys(String spec) {
        List<SortKey> keys = new ArrayList<>();
        for (String key : spec.split("\\|")) {
            keys.add(key.startsWith("-") ? new SortKey(key.substring(1), true) : new SortKey(key, false));
        }
        return keys;
    }
}
