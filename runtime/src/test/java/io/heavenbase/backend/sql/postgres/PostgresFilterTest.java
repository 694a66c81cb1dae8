package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.backend.sql.postgres.PostgresBackends.indexed;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.inline;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.layout;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.row;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.Evaluator;
import io.heavenbase.backend.sql.DialectFilterContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.support.RowScan;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Filters, order, offset, limit and candidates run in SQL and answer exactly like the engine's
 * {@link Evaluator} and {@link RowScan}: two-valued logic with nulls and NOT, text in code point order
 * whatever the server's collation, numbers across their whole range, match and array_contains.
 */
class PostgresFilterTest {

    private static final List<String> TEXTS = List.of("", "a", "A", "b", "B", "ab", "a b", "\u00e9", "e\u0301", "Z",
            "z", "\uFFFF", "\uD83D\uDE00", "\uD801\uDC00", "it's", "a%", "a_", "\u00c5ngstr\u00f6m", "ß", "SS");
    private static final List<Long> INTEGERS = List.of(-3L, -1L, 0L, 1L, 2L, 7L, Long.MAX_VALUE, Long.MIN_VALUE);
    private static final List<Double> FLOATS = List.of(-1.5, -0.0, 0.0, 0.5, 1.0, 2.0, 2.25, 1e10, -1e300);
    private static final List<LocalDate> DATES = List.of(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 1),
            LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1), LocalDate.of(-10, 5, 5));
    private static final List<Instant> INSTANTS = List.of(Instant.EPOCH, Instant.ofEpochMilli(-1),
            Instant.parse("2024-01-01T00:00:00.001Z"), Instant.parse("2024-01-01T00:00:00Z"));
    private static final List<String> ELEMENTS = List.of("x", "y", "z", "X", "\u00e9");
    private static final List<String> WORDS = List.of("alpha", "Beta", "gamma", "d\u00e9lta", "x\u00b2", "don't",
            "ALPHA", "42", "\u0130stanbul", "stra\u00dfe");
    private static final List<String> SEPARATORS = List.of(" ", ", ", "-", "\n", "!", "\uD83D\uDE00", "\u00a0");

    private final Random random = new Random(20_250_117L);
    private final EntityLayout layout = layout("mixed", indexed("s", "ShortText"), inline("n", "Integer"),
            inline("f", "Float"), inline("b", "Boolean"), inline("d", "Date"), inline("ts", "Timestamp"),
            inline("c", "Categorical[a,b,c]"), inline("tags", "Array"), side("labels", "Array"),
            inline("nums", "Array[Integer]"), inline("body", "LongText"));
    private PostgresBackends opened;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenRandomRows_whenRandomFragmentsRun_thenExactlyWhatTheEngineSelectsInTheSameOrder(
            PostgresTestServers server) {
        opened = PostgresBackends.open(server);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rows.add(randomRow("r" + (char) ('a' + random.nextInt(26)) + i));
        }
        opened.backend().ensure(layout);
        opened.backend().upsert(layout, rows);

        int selective = 0;
        int fragments = server == PostgresTestServers.PGVECTOR ? 250 : 500;
        for (int i = 0; i < fragments; i++) {
            Fragment fragment = new Fragment(randomExpr(3), null, random.nextInt(5) == 0 ? candidates(rows) : null,
                    randomOrder(), random.nextInt(4) == 0 ? random.nextInt(6) : 0,
                    random.nextInt(3) == 0 ? random.nextInt(12) : null, Set.of("n", "s"));

            List<Hit> expected = RowScan.execute(rows, fragment);
            List<Hit> actual = opened.backend().execute(layout, fragment);

            assertThat(actual).as("fragment %s", fragment).extracting(Hit::objectId)
                    .containsExactlyElementsOf(expected.stream().map(Hit::objectId).toList());
            assertThat(actual).as("columns of %s", fragment).extracting(Hit::columns)
                    .containsExactlyElementsOf(expected.stream().map(Hit::columns).toList());
            selective += !expected.isEmpty() && expected.size() < rows.size() ? 1 : 0;
        }
        assertThat(selective).as("fragments selecting some but not all rows").isGreaterThan(fragments / 3);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenTextsThatCollationsOrderDifferently_whenOrderedAndCompared_thenCodePointOrder(
            PostgresTestServers server) {
        opened = PostgresBackends.open(server);
        opened.backend().ensure(layout);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String text : TEXTS) {
            rows.add(row(layout, "t" + rows.size(), "s", text));
        }
        opened.backend().upsert(layout, rows);

        List<String> ascending = opened.backend().execute(layout, new Fragment(null, null, null,
                List.of(new SortKey("s", false)), 0, null, Set.of("s"))).stream()
                .map(hit -> (String) hit.columns().get("s")).toList();
        List<String> below = opened.backend().execute(layout, new Fragment(new Expr.Leaf("s", Op.LT, "b"), null, null,
                List.of(), 0, null, Set.of("s"))).stream().map(hit -> (String) hit.columns().get("s")).toList();

        List<String> codePointOrder = TEXTS.stream().sorted(PostgresFilterTest::compareCodePoints).toList();
        assertThat(ascending).containsExactlyElementsOf(codePointOrder);
        assertThat(below).containsExactlyInAnyOrderElementsOf(
                TEXTS.stream().filter(text -> compareCodePoints(text, "b") < 0).toList());
    }

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private Map<String, Object> randomRow(String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id);
        for (StoredField field : layout.fields()) {
            if (random.nextInt(4) > 0) {
                row.put(field.name(), field.dtype().normalize(randomValue(field.name()), layout.entityId(), field.name()));
            }
        }
        return row;
    }

    private Object randomValue(String field) {
        switch (field) {
            case "s":
                return pick(TEXTS);
            case "n":
                return pick(INTEGERS);
            case "f":
                return pick(FLOATS);
            case "b":
                return random.nextBoolean();
            case "d":
                return pick(DATES);
            case "ts":
                return pick(INSTANTS);
            case "c":
                return pick(List.of("a", "b", "c"));
            case "nums": {
                List<Long> out = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    out.add(pick(INTEGERS));
                }
                return out;
            }
            case "tags":
            case "labels": {
                List<String> out = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    out.add(pick(ELEMENTS));
                }
                return out;
            }
            default: {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(5); i > 0; i--) {
                    text.append(pick(WORDS)).append(pick(SEPARATORS));
                }
                return text.toString();
            }
        }
    }

    private Expr randomExpr(int depth) {
        int choice = random.nextInt(depth <= 0 ? 1 : 5);
        if (choice <= 1) {
            return randomLeaf();
        }
        if (choice == 4) {
            return new Expr.Not(randomExpr(depth - 1));
        }
        List<Expr> children = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            children.add(randomExpr(depth - 1));
        }
        return choice == 2 ? new Expr.And(children) : new Expr.Or(children);
    }

    /** A leaf with an operand of the field's own type, as the engine's validation guarantees. */
    private Expr randomLeaf() {
        StoredField field = pick(layout.fields());
        String name = field.name();
        DType.Kind kind = field.dtype().kind();
        if (random.nextInt(8) == 0) {
            return new Expr.Leaf(name, Op.NULL, random.nextBoolean());
        }
        if (kind == DType.Kind.ARRAY) {
            Object element = name.equals("nums") ? pick(INTEGERS) : pick(ELEMENTS);
            return new Expr.Leaf(name, Op.ARRAY_CONTAINS, element);
        }
        if (name.equals("body") || (name.equals("s") && random.nextInt(3) == 0)) {
            String query = random.nextBoolean() ? pick(WORDS) : pick(WORDS) + " " + pick(WORDS);
            return new Expr.Leaf(name, Op.MATCH, random.nextInt(10) == 0 ? "!?" : query);
        }
        List<Op> ops = kind == DType.Kind.BOOLEAN ? List.of(Op.EQ, Op.NE, Op.IN, Op.NIN)
                : List.of(Op.EQ, Op.NE, Op.LT, Op.LTE, Op.GT, Op.GTE, Op.IN, Op.NIN);
        Op op = pick(ops);
        if (op == Op.IN || op == Op.NIN) {
            List<Object> values = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                values.add(operand(field));
            }
            return new Expr.Leaf(name, op, values);
        }
        return new Expr.Leaf(name, op, operand(field));
    }

    private Object operand(StoredField field) {
        return field.dtype().normalize(randomValue(field.name()), layout.entityId(), field.name());
    }

    private List<SortKey> randomOrder() {
        List<SortKey> order = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            order.add(new SortKey(pick(List.of("s", "n", "f", "b", "d", "ts", "c")), random.nextBoolean()));
        }
        return order;
    }

    private Set<String> candidates(List<Map<String, Object>> rows) {
        Set<String> out = new HashSet<>();
        for (Map<String, Object> row : rows) {
            if (random.nextBoolean()) {
                out.add((String) row.get("object_id"));
            }
        }
        out.add("not-stored");
        return out;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * Inline numeric arrays compare their elements after casting the operand to the element type, so an operand of
     * the other numeric kind that the cast changes (a fraction for Array[Integer], a long beyond 2^53 for
     * Array[Float]) is not compared exactly; the engine's validation only passes operands of the field's own type,
     * as {@link #randomLeaf()} does.
     */
    private static String inexactNumericArrayContains(Expr filter) {
        if (filter instanceof Expr.Leaf leaf && leaf.op() == Op.ARRAY_CONTAINS
                && (leaf.field().equals("sizes") && leaf.value() instanceof Double d && d != Math.rint(d)
                        || leaf.field().equals("ratios") && leaf.value() instanceof Long l && l != (long) (double) l)) {
            return "array_contains on an inline numeric array casts an operand of the other numeric kind to the "
                    + "element type";
        }
        return null;
    }

    /** The {@link DialectFilterContract} cases on plain postgres. */
    @Nested
    class OnPostgres extends DialectFilterContract {

        @Override
        protected OpenedBackend open() {
            return PostgresBackends.open(PostgresTestServers.POSTGRES);
        }

        @Override
        protected String unsupported(Expr filter) {
            return inexactNumericArrayContains(filter);
        }
    }

    /** The {@link DialectFilterContract} cases on pgvector. */
    @Nested
    class OnPgvector extends DialectFilterContract {

        @Override
        protected OpenedBackend open() {
            return PostgresBackends.open(PostgresTestServers.PGVECTOR);
        }

        @Override
        protected String unsupported(Expr filter) {
            return inexactNumericArrayContains(filter);
        }
    }
}
