package io.heavenbase.backend.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.RowScan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter part of the dialect test suite: filters, order and paging pushed down answer exactly like the engine's
 * {@link RowScan} (two-valued logic around nulls and NOT, exact text equality, code point order, exact mixed
 * Integer/Float comparisons, nulls last, ties by object id). A dialect that cannot store the default entity (inline
 * arrays, for one) supplies its own entity, rows and filters; the entity must have a ShortText {@code title}, a Float
 * {@code f}, a Boolean {@code flag} and a Date {@code day}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DialectFilterContract extends DialectContract {

    private static final List<String> ORDERED_TEXTS = List.of("A", "B", "Z", "a", "a\t", "a ", "b", "\u00e9",
            "\uFF21", "\uFFFF", "\uD801\uDC00", "\uD83D\uDE00");

    private final EntityLayout item = layout("item", inline("title", "ShortText"), inline("n", "Integer"),
            inline("f", "Float"), inline("flag", "Boolean"), inline("day", "Date"), inline("at", "Timestamp"),
            inline("tags", "Array"), inline("sizes", "Array[Integer]"), inline("ratios", "Array[Float]"),
            inline("days", "Array[Date]"), side("labels", "Array"), side("counts", "Array[Integer]"));

    private final List<Map<String, Object>> rows = List.of(
            row(item, "r1", "title", "a", "n", Long.MAX_VALUE, "f", 9.223372036854775807E18, "flag", true,
                    "day", LocalDate.of(-44, 3, 15), "at", Instant.ofEpochMilli(-1), "tags", List.of("x", "X"),
                    "sizes", List.of(1L, 2L), "ratios", List.of(0.5, 9007199254740992.0),
                    "days", List.of(LocalDate.of(1582, 10, 10)), "labels", List.of("x"), "counts", List.of(1L, 2L)),
            row(item, "r2", "title", "a ", "n", 2L, "f", 2.5, "flag", false, "day", LocalDate.of(1, 1, 1),
                    "at", Instant.EPOCH, "tags", List.of(), "sizes", List.of(3L), "ratios", List.of(),
                    "labels", List.of(), "counts", List.of(3L)),
            row(item, "r3", "title", "\uD83D\uDE00", "n", -3L, "f", -0.5, "tags", List.of("y")),
            row(item, "r4", "title", "\uFFFF", "n", 3L, "f", 3.0, "day", LocalDate.of(9999, 12, 31)),
            row(item, "r5"));

    /** The entity the filters run on; by default one with inline and side-table arrays of several types. */
    protected EntityLayout item() {
        return item;
    }

    /** The stored rows of {@link #item()}, nulls, empty lists and edge values included. */
    protected List<Map<String, Object>> storedRows() {
        return rows;
    }

    /** The filters compared with {@link RowScan}, each with operands of its field's own type. */
    protected Stream<Expr> filters() {
        return Stream.of(
                leaf("title", Op.EQ, "a"), leaf("title", Op.NE, "a"), new Expr.Not(leaf("title", Op.EQ, "a")),
                leaf("title", Op.LT, "\uFFFF"), leaf("title", Op.GT, "\uFFFF"), leaf("title", Op.GTE, "a "),
                leaf("n", Op.LT, 9.223372036854775807E18), leaf("n", Op.EQ, 2.0), leaf("n", Op.LT, 2.5),
                leaf("n", Op.GT, 2.5), leaf("n", Op.EQ, 2.5), leaf("n", Op.NE, 2.5), leaf("n", Op.LTE, -2.5),
                leaf("n", Op.IN, List.of(2.0, 3L, 7.5)), leaf("n", Op.NIN, List.of(2.0)), leaf("n", Op.IN, List.of()),
                leaf("n", Op.NIN, List.of()), new Expr.Not(leaf("n", Op.GT, 0L)), leaf("f", Op.GTE, 2L),
                leaf("flag", Op.EQ, false), new Expr.Not(leaf("flag", Op.EQ, true)), leaf("flag", Op.LT, true),
                leaf("day", Op.LT, LocalDate.of(1, 1, 1)), leaf("day", Op.GTE, LocalDate.of(-44, 3, 15)),
                leaf("at", Op.LT, Instant.EPOCH), leaf("tags", Op.ARRAY_CONTAINS, "x"),
                new Expr.Not(leaf("tags", Op.ARRAY_CONTAINS, "x")), leaf("tags", Op.NULL, true),
                leaf("sizes", Op.ARRAY_CONTAINS, 2.0), leaf("sizes", Op.ARRAY_CONTAINS, 2.5),
                leaf("sizes", Op.ARRAY_CONTAINS, 3L), leaf("ratios", Op.ARRAY_CONTAINS, 9007199254740993L),
                leaf("ratios", Op.ARRAY_CONTAINS, 9007199254740992L),
                leaf("days", Op.ARRAY_CONTAINS, LocalDate.of(1582, 10, 10)),
                leaf("labels", Op.ARRAY_CONTAINS, "x"), leaf("counts", Op.ARRAY_CONTAINS, 2.5),
                leaf("counts", Op.ARRAY_CONTAINS, 3.0), new Expr.Not(leaf("labels", Op.ARRAY_CONTAINS, "x")),
                new Expr.Or(List.of(leaf("n", Op.LT, 0L), new Expr.Not(leaf("f", Op.LT, 3L)))),
                new Expr.And(List.of()), new Expr.Or(List.of()),
                new Expr.Not(new Expr.And(List.of(leaf("title", Op.NE, "a"), leaf("flag", Op.EQ, true)))));
    }

    /** Why the dialect cannot answer {@code filter} like the engine, or null when it can. */
    protected String unsupported(Expr filter) {
        return null;
    }

    @ParameterizedTest
    @MethodSource("filters")
    void givenAFilter_whenPushedDown_thenTheIdsAreThoseTheEngineSelects(Expr filter) {
        String unsupported = unsupported(filter);
        assumeTrue(unsupported == null, () -> "SKIPPED " + filter + " on " + getClass().getSimpleName() + ": "
                + unsupported);
        backend.ensure(item());
        backend.upsert(item(), new ArrayList<>(storedRows()));
        Fragment fragment = Fragment.filter(filter, null);

        assertThat(ids(item(), fragment)).as("%s", filter)
                .containsExactlyElementsOf(RowScan.execute(storedRows(), fragment).stream().map(Hit::objectId)
                        .toList());
    }

    @Test
    void givenTextsAcrossTheUnicodeRange_whenOrdered_thenTheOrderIsByCodePointWithSupplementaryCharactersLast() {
        backend.ensure(item());
        List<Map<String, Object>> texts = new ArrayList<>();
        for (int i = 0; i < ORDERED_TEXTS.size(); i++) {
            texts.add(row(item(), "t" + (ORDERED_TEXTS.size() - i), "title", ORDERED_TEXTS.get(i)));
        }
        backend.upsert(item(), texts);
        Fragment ascending = new Fragment(null, null, null, List.of(new SortKey("title", false)), 0, null,
                Set.of("title"));

        List<Object> titles = backend.execute(item(), ascending).stream().map(hit -> hit.columns().get("title"))
                .toList();

        List<String> byCodePoint = new ArrayList<>(ORDERED_TEXTS);
        byCodePoint.sort(Comparator.comparing((String s) -> s.codePoints().toArray(), Arrays::compare));
        assertThat(byCodePoint).isEqualTo(ORDERED_TEXTS);
        assertThat(titles).containsExactlyElementsOf(byCodePoint);
        assertThat(titles).containsExactlyElementsOf(ORDERED_TEXTS);
    }

    @Test
    void givenOrderOffsetAndLimit_whenPushedDown_thenThePageIsTheEnginesPageWithNullsLastAndTiesById() {
        backend.ensure(item());
        backend.upsert(item(), new ArrayList<>(storedRows()));
        for (SortKey key : List.of(new SortKey("f", false), new SortKey("f", true), new SortKey("flag", false),
                new SortKey("day", true), new SortKey("title", true))) {
            for (int offset : new int[] {0, 1, 4}) {
                Fragment page = new Fragment(null, null, null, List.of(key), offset, offset == 1 ? 2 : null, Set.of());

                assertThat(ids(item(), page)).as("%s offset %d", key, offset)
                        .containsExactlyElementsOf(RowScan.execute(storedRows(), page).stream().map(Hit::objectId)
                                .toList());
            }
        }
    }

    /** A leaf condition. */
    protected static Expr leaf(String field, Op op, Object value) {
        return new Expr.Leaf(field, op, value);
    }
}
