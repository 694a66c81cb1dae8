package io.heavenbase.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueOrderTest {

    @Test
    void supplementaryCharacterSortsAfterLastBmpCharacterByCodePoint() {
        String emoji = "\uD83D\uDE00"; // U+1F600, stored as surrogates below U+FFFF in UTF-16
        String lastBmp = "\uFFFF";

        assertThat(emoji.compareTo(lastBmp)).isNegative();
        assertThat(ValueOrder.compareText(emoji, lastBmp)).isPositive();
        assertThat(ValueOrder.compare(lastBmp, emoji)).isNegative();
    }

    @Test
    void textIsOrderedByCodePointNotCollation() {
        assertThat(ValueOrder.compareText("Zebra", "apple")).isNegative();
        assertThat(ValueOrder.compareText("e", "\u00e9")).isNegative();
        assertThat(ValueOrder.compareText("\u00e9", "f")).isPositive();
    }

    @Test
    void prefixSortsBeforeLongerText() {
        assertThat(ValueOrder.compareText("ab", "abc")).isNegative();
        assertThat(ValueOrder.compareText("abc", "ab")).isPositive();
        assertThat(ValueOrder.compareText("abc", "abc")).isZero();
    }

    @Test
    void textEqualityIsCaseAndAccentSensitive() {
        assertThat(ValueOrder.same("Cafe", "cafe")).isFalse();
        assertThat(ValueOrder.same("cafe", "caf\u00e9")).isFalse();
        assertThat(ValueOrder.same("caf\u00e9", "caf\u00e9")).isTrue();
    }

    @Test
    void longAndDoubleCompareNumerically() {
        assertThat(ValueOrder.compare(2L, 2.5)).isNegative();
        assertThat(ValueOrder.compare(3.0, 2L)).isPositive();
        assertThat(ValueOrder.compare(2L, 2.0)).isZero();
        assertThat(ValueOrder.same(2L, 2.0)).isTrue();
    }

    @Test
    void longBeyondDoublePrecisionComparesExactly() {
        long big = (1L << 53) + 1;
        double nearest = (double) (1L << 53);

        assertThat(ValueOrder.compare(big, nearest)).isPositive();
        assertThat(ValueOrder.same(big, nearest)).isFalse();
    }

    @Test
    void infinitiesBoundEveryLong() {
        assertThat(ValueOrder.compare(Long.MAX_VALUE, Double.POSITIVE_INFINITY)).isNegative();
        assertThat(ValueOrder.compare(Long.MIN_VALUE, Double.NEGATIVE_INFINITY)).isPositive();
    }

    @Test
    void negativeZeroEqualsZero() {
        assertThat(ValueOrder.same(-0.0, 0.0)).isTrue();
        assertThat(ValueOrder.same(0L, -0.0)).isTrue();
    }

    @Test
    void booleansOrderFalseBeforeTrue() {
        assertThat(ValueOrder.compare(false, true)).isNegative();
        assertThat(ValueOrder.compare(true, true)).isZero();
    }

    @Test
    void timesOrderChronologically() {
        assertThat(ValueOrder.compare(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z")))
                .isNegative();
        assertThat(ValueOrder.compare(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 29))).isPositive();
    }

    @Test
    void valuesOfDifferentFamiliesAreNeverSame() {
        assertThat(ValueOrder.same("2", 2L)).isFalse();
        assertThat(ValueOrder.same(null, 2L)).isFalse();
        assertThat(ValueOrder.same(null, null)).isTrue();
    }

    @Test
    void rowsSortNullsLastAscending() {
        List<Map<String, Object>> rows = rows(row("a", 2L), row("b", null), row("c", 1L));

        rows.sort(ValueOrder.rows(List.of(new SortKey("price", false))));

        assertThat(ids(rows)).containsExactly("c", "a", "b");
    }

    @Test
    void rowsSortNullsFirstDescending() {
        List<Map<String, Object>> rows = rows(row("a", 2L), row("b", null), row("c", 1L));

        rows.sort(ValueOrder.rows(List.of(new SortKey("price", true))));

        assertThat(ids(rows)).containsExactly("b", "a", "c");
    }

    @Test
    void rowsTieBreakByObjectIdAscendingEvenWhenDescending() {
        List<Map<String, Object>> rows = rows(row("z", 1L), row("m", 1L), row("a", 1.0));

        rows.sort(ValueOrder.rows(List.of(new SortKey("price", true))));

        assertThat(ids(rows)).containsExactly("a", "m", "z");
    }

    @Test
    void emptyOrderSortsByObjectIdInCodePointOrder() {
        List<Map<String, Object>> rows = rows(row("\uD83D\uDE00", 1L), row("\uFFFF", 1L), row("b", 1L));

        rows.sort(ValueOrder.rows(List.of()));

        assertThat(ids(rows)).containsExactly("b", "\uFFFF", "\uD83D\uDE00");
    }

    @Test
    void laterKeysBreakTiesOfEarlierKeys() {
        Map<String, Object> first = row("a", 1L);
        first.put("title", "y");
        Map<String, Object> second = row("b", 1L);
        second.put("title", "x");
        List<Map<String, Object>> rows = rows(first, second);

        rows.sort(ValueOrder.rows(List.of(new SortKey("price", false), new SortKey("title", false))));

        assertThat(ids(rows)).containsExactly("b", "a");
    }

    private static Map<String, Object> row(String id, Object price) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        row.put("price", price);
        return row;
    }

    @SafeVarargs
    private static List<Map<String, Object>> rows(Map<String, Object>... rows) {
        return new ArrayList<>(List.of(rows));
    }

    private static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("object_id")).toList();
    }
}
