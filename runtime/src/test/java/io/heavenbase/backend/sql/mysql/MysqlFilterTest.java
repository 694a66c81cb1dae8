package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.DialectFilterContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.support.RowScan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Filters, order and paging pushed down to MariaDB answer exactly like the engine's
 * {@link RowScan} ({@link DialectFilterContract}): two-valued logic around nulls and NOT, exact text
 * equality, code point order, exact comparisons between Integer fields and fractional operands.
 */
class MysqlFilterTest extends DialectFilterContract {

    private final EntityLayout item = layout("item", inline("title", "ShortText"), inline("body", "MediumText"),
            inline("n", "Integer"), inline("f", "Float"), inline("flag", "Boolean"), inline("day", "Date"),
            inline("at", "Timestamp"), side("tags", "Array"), side("sizes", "Array[Integer]"));

    private final List<Map<String, Object>> rows = List.of(
            row(item, "r1", "title", "a", "body", "a", "n", Long.MAX_VALUE, "f", 9.223372036854775807E18,
                    "flag", true, "day", LocalDate.of(2024, 2, 29), "at", Instant.ofEpochMilli(-1),
                    "tags", List.of("x", "X"), "sizes", List.of(1L, 2L)),
            row(item, "r2", "title", "a ", "body", "B", "n", 2L, "f", 2.5, "flag", false, "day", LocalDate.of(1, 1, 1),
                    "at", Instant.EPOCH, "tags", List.of(), "sizes", List.of(3L)),
            row(item, "r3", "title", "\uD83D\uDE00", "n", -3L, "f", -0.5, "tags", List.of("y")),
            row(item, "r4", "title", "\uFFFF", "body", "\u00e9", "n", 3L, "f", 3.0, "day", LocalDate.of(9999, 12, 31)),
            row(item, "r5"));

    @Override
    protected OpenedBackend open() {
        return MysqlFreshBackend.open(this::createBackend);
    }

    /** The backend under test, its tables under {@code prefix}. */
    protected SqlBackend createBackend(String prefix) {
        return MysqlFixtures.open(prefix);
    }

    @Override
    protected EntityLayout item() {
        return item;
    }

    @Override
    protected List<Map<String, Object>> storedRows() {
        return rows;
    }

    @Override
    protected Stream<Expr> filters() {
        return Stream.of(
                leaf("title", Op.EQ, "a"), leaf("title", Op.NE, "a"), new Expr.Not(leaf("title", Op.EQ, "a")),
                leaf("title", Op.LT, "\uFFFF"), leaf("title", Op.GT, "\uFFFF"), leaf("title", Op.GTE, "a "),
                leaf("body", Op.LT, "b"), new Expr.Not(leaf("body", Op.LT, "b")),
                leaf("n", Op.LT, 9.223372036854775807E18), leaf("n", Op.EQ, 2.0), leaf("n", Op.LT, 2.5),
                leaf("n", Op.GT, 2.5), leaf("n", Op.EQ, 2.5), leaf("n", Op.NE, 2.5), leaf("n", Op.LTE, -2.5),
                leaf("n", Op.IN, List.of(2.0, 3L, 7.5)), leaf("n", Op.NIN, List.of(2.0)), leaf("n", Op.IN, List.of()),
                leaf("n", Op.NIN, List.of()), new Expr.Not(leaf("n", Op.GT, 0L)), leaf("f", Op.GTE, 2L),
                leaf("flag", Op.EQ, false), new Expr.Not(leaf("flag", Op.EQ, true)), leaf("flag", Op.NULL, true),
                leaf("day", Op.LT, LocalDate.of(2000, 1, 1)), leaf("day", Op.GT, LocalDate.of(1, 1, 1)),
                leaf("at", Op.LT, Instant.EPOCH),
                leaf("tags", Op.ARRAY_CONTAINS, "x"), new Expr.Not(leaf("tags", Op.ARRAY_CONTAINS, "x")),
                leaf("tags", Op.NULL, true), leaf("sizes", Op.ARRAY_CONTAINS, 2.0),
                leaf("sizes", Op.ARRAY_CONTAINS, 2.5), leaf("sizes", Op.ARRAY_CONTAINS, 3L), leaf("body", Op.NULL, false),
                new Expr.Or(List.of(leaf("n", Op.LT, 0L), new Expr.Not(leaf("f", Op.LT, 3L)))),
                new Expr.And(List.of()), new Expr.Or(List.of()),
                new Expr.Not(new Expr.And(List.of(leaf("title", Op.NE, "a"), leaf("flag", Op.EQ, true)))));
    }
}
