package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.DialectFilterContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Native filters, ordering and paging on sqlite, with the engine's two-valued logic: the
 * {@link DialectFilterContract} cases on its default entity, and sqlite's own cases on {@code article}.
 */
class SqliteFilterTest extends DialectFilterContract {

    private final EntityLayout article = layout("article", inline("title", "ShortText"), inline("price", "Float"),
            inline("tags", "Array"), side("labels", "Array"), inline("body", "LongText"));

    @Override
    protected OpenedBackend open() {
        return OpenedBackend.of(SqliteFixtures.memoryBackend());
    }

    /** Ids of {@code article} matching {@code filter}, in result order. */
    private List<String> ids(Expr filter) {
        return backend.execute(article, Fragment.filter(filter, null)).stream().map(Hit::objectId).toList();
    }

    private List<String> ordered(List<SortKey> order, int offset, Integer limit) {
        return backend.execute(article, new Fragment(null, null, null, order, offset, limit, Set.of())).stream()
                .map(Hit::objectId).toList();
    }

    private void givenPricedRows() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "cheap", "title", "x", "price", 1.0),
                row(article, "dear", "title", "y", "price", 9.5),
                row(article, "unpriced")));
    }

    @Test
    void leavesOnANullValueAreFalseExceptNeNinAndNull() {
        givenPricedRows();

        assertThat(ids(leaf("price", Op.EQ, 1.0))).containsExactly("cheap");
        assertThat(ids(leaf("price", Op.LT, 100.0))).containsExactly("cheap", "dear");
        assertThat(ids(leaf("price", Op.NE, 1.0))).containsExactly("dear", "unpriced");
        assertThat(ids(leaf("price", Op.NIN, List.of(9.5)))).containsExactly("cheap", "unpriced");
        assertThat(ids(leaf("price", Op.IN, List.of(9.5)))).containsExactly("dear");
        assertThat(ids(leaf("price", Op.NULL, true))).containsExactly("unpriced");
        assertThat(ids(leaf("price", Op.NULL, false))).containsExactly("cheap", "dear");
    }

    @Test
    void notIsTheExactComplementEvenOnNulls() {
        givenPricedRows();

        assertThat(ids(new Expr.Not(leaf("price", Op.GT, 5.0)))).containsExactly("cheap", "unpriced");
        assertThat(ids(new Expr.Not(leaf("price", Op.NE, 1.0)))).containsExactly("cheap");
    }

    @Test
    void emptyInMatchesNothingAndEmptyNinEverything() {
        givenPricedRows();

        assertThat(ids(leaf("title", Op.IN, List.of()))).isEmpty();
        assertThat(ids(leaf("title", Op.NIN, List.of()))).containsExactly("cheap", "dear", "unpriced");
    }

    @Test
    void emptyAndIsTrueAndEmptyOrIsFalse() {
        givenPricedRows();

        assertThat(ids(new Expr.And(List.of()))).hasSize(3);
        assertThat(ids(new Expr.Or(List.of()))).isEmpty();
    }

    @Test
    void textEqualityIsExactAndCaseSensitive() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "1", "title", "Caf\u00e9"), row(article, "2", "title", "cafe"),
                row(article, "3", "title", "CAF\u00c9")));

        assertThat(ids(leaf("title", Op.EQ, "Caf\u00e9"))).containsExactly("1");
        assertThat(ids(leaf("title", Op.GTE, "caf"))).containsExactly("2");
    }

    @Test
    void arrayContainsWorksInlineAndOnSideTables() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "a", "tags", List.of("red", "blue"), "labels", List.of("x")),
                row(article, "b", "tags", List.of("Red"), "labels", List.of("y", "x")), row(article, "c")));

        assertThat(ids(leaf("tags", Op.ARRAY_CONTAINS, "red"))).containsExactly("a");
        assertThat(ids(leaf("labels", Op.ARRAY_CONTAINS, "x"))).containsExactly("a", "b");
        assertThat(ids(new Expr.Not(leaf("labels", Op.ARRAY_CONTAINS, "y")))).containsExactly("a", "c");
    }

    @Test
    void typedArrayElementsCompareAsTheirColumnBinding() {
        EntityLayout typed = layout("typed", inline("flags", "Array[Boolean]"), inline("days", "Array[Date]"),
                side("stamps", "Array[Timestamp]"), inline("nums", "Array[Integer]"));
        backend.ensure(typed);
        backend.upsert(typed, rows(row(typed, "a", "flags", List.of(true), "days", List.of("2024-02-29"),
                "stamps", List.of(1_700_000_000_123L), "nums", List.of(7))));

        for (Expr.Leaf leaf : List.of(new Expr.Leaf("flags", Op.ARRAY_CONTAINS, true),
                new Expr.Leaf("days", Op.ARRAY_CONTAINS, LocalDate.of(2024, 2, 29)),
                new Expr.Leaf("stamps", Op.ARRAY_CONTAINS, Instant.ofEpochMilli(1_700_000_000_123L)),
                new Expr.Leaf("nums", Op.ARRAY_CONTAINS, 7L))) {
            assertThat(backend.execute(typed, Fragment.filter(leaf, null))).as(leaf.toString())
                    .extracting(Hit::objectId).containsExactly("a");
        }
        assertThat(backend.execute(typed, Fragment.filter(new Expr.Leaf("flags", Op.ARRAY_CONTAINS, false), null)))
                .isEmpty();
    }

    @Test
    void candidatesRestrictTheResult() {
        givenPricedRows();

        assertThat(backend.execute(article, Fragment.filter(leaf("price", Op.NULL, false), Set.of("dear", "x"))))
                .extracting(Hit::objectId).containsExactly("dear");
        assertThat(backend.execute(article, Fragment.filter(null, Set.of()))).isEmpty();
    }

    @Test
    void filtersOnObjectIdCompileAgainstTheKeyColumn() {
        givenPricedRows();

        assertThat(ids(leaf(Names.OBJECT_ID, Op.GT, "d"))).containsExactly("dear", "unpriced");
    }

    @Test
    void textSortsByCodePointNotCollation() {
        backend.ensure(article);
        String[] titles = {"\uD83D\uDE00", "\uFFFF", "\u00e9", "b", "a", "B", "A", "\uD801\uDC00"};
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            batch.add(row(article, "r" + i, "title", titles[i]));
        }
        backend.upsert(article, batch);

        List<String> expected = Arrays.stream(titles).sorted(ValueOrder::compareText)
                .map(t -> "r" + Arrays.asList(titles).indexOf(t)).toList();
        assertThat(ordered(List.of(new SortKey("title", false)), 0, null)).containsExactlyElementsOf(expected);
        assertThat(expected).containsExactly("r6", "r5", "r4", "r3", "r2", "r1", "r7", "r0");
    }

    @Test
    void nullsSortLastAscendingAndFirstDescendingWithObjectIdTieBreak() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "n2"), row(article, "p1", "price", 1.0),
                row(article, "n1"), row(article, "p5b", "price", 5.0), row(article, "p5a", "price", 5.0)));

        assertThat(ordered(List.of(new SortKey("price", false)), 0, null))
                .containsExactly("p1", "p5a", "p5b", "n1", "n2");
        assertThat(ordered(List.of(new SortKey("price", true)), 0, null))
                .containsExactly("n1", "n2", "p5a", "p5b", "p1");
    }

    @Test
    void withoutOrderRowsComeByObjectIdAndOffsetLimitPage() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "c"), row(article, "a"), row(article, "d"), row(article, "b")));

        assertThat(ordered(List.of(), 0, null)).containsExactly("a", "b", "c", "d");
        assertThat(ordered(List.of(), 1, 2)).containsExactly("b", "c");
        assertThat(ordered(List.of(), 3, null)).containsExactly("d");
        assertThat(ordered(List.of(), 0, 0)).isEmpty();
    }

    @Test
    void hitsCarryTheRequestedColumnsNullWhenAbsent() {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "a", "title", "T", "labels", List.of("l1", "l2"))));

        Hit hit = backend.execute(article, new Fragment(null, null, null, List.of(), 0, null,
                Set.of("title", "labels", "price", "elsewhere"))).get(0);

        assertThat(hit.columns()).containsEntry("title", "T").containsEntry("labels", List.of("l1", "l2"))
                .containsEntry("price", null).containsEntry("elsewhere", null);
        assertThat(hit.score()).isNaN();
    }
}
