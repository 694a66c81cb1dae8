package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.RowScan;
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
import org.junit.jupiter.api.Test;

/**
 * Random rows, random filters (every native operator under AND, OR and NOT), random order, paging
 * and candidates: the sqlite backend must return exactly what the engine's {@link RowScan} returns
 * on the same rows.
 */
class SqliteDifferentialTest {

    private static final List<String> TEXTS = List.of("", "a", "A", "b", "ab", "a b", "\u00e9", "e\u0301", "Z",
            "\uFFFF", "\uD83D\uDE00", "\uD801\uDC00", "it's", "a%", "a_");
    private static final List<Long> INTEGERS = List.of(-3L, -1L, 0L, 1L, 2L, 7L, Long.MAX_VALUE, Long.MIN_VALUE);
    private static final List<Double> FLOATS = List.of(-1.5, 0.0, 0.5, 1.0, 2.0, 2.25, 1e10, 9.223372036854776E18);
    private static final List<LocalDate> DATES = List.of(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 1),
            LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1));
    private static final List<Instant> INSTANTS = List.of(Instant.EPOCH, Instant.ofEpochMilli(-1),
            Instant.parse("2024-01-01T00:00:00.001Z"), Instant.parse("2024-01-01T00:00:00Z"));
    private static final List<String> ELEMENTS = List.of("x", "y", "z", "X", "\u00e9");
    private static final List<String> WORDS = List.of("alpha", "Beta", "gamma", "d\u00e9lta", "x\u00b2", "don't",
            "ALPHA", "42");
    private static final List<String> SEPARATORS = List.of(" ", ", ", "-", "\n", "!", "\uD83D\uDE00");

    private final Random random = new Random(20261124L);
    private final SqlBackend backend = SqliteFixtures.memoryBackend();
    private final EntityLayout layout = layout("mixed", inline("s", "ShortText"), inline("n", "Integer"),
            inline("f", "Float"), inline("b", "Boolean"), inline("d", "Date"), inline("ts", "Timestamp"),
            inline("c", "Categorical[a,b,c]"), inline("tags", "Array"), side("labels", "Array"),
            inline("body", "LongText"));

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void randomFragmentsAgreeWithTheEngineEvaluator() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(randomRow("r" + (char) ('a' + random.nextInt(26)) + i));
        }
        backend.ensure(layout);
        backend.upsert(layout, rows);

        int selective = 0;
        for (int i = 0; i < 600; i++) {
            Fragment fragment = new Fragment(randomExpr(3), null, random.nextInt(5) == 0 ? candidates(rows) : null,
                    randomOrder(), random.nextInt(4) == 0 ? random.nextInt(6) : 0,
                    random.nextInt(3) == 0 ? random.nextInt(12) : null, Set.of("n"));

            List<Hit> expected = RowScan.execute(rows, fragment);
            List<Hit> actual = backend.execute(layout, fragment);

            assertThat(actual).as("fragment %s", fragment).extracting(Hit::objectId)
                    .containsExactlyElementsOf(expected.stream().map(Hit::objectId).toList());
            assertThat(actual).as("columns of %s", fragment).extracting(Hit::columns)
                    .containsExactlyElementsOf(expected.stream().map(Hit::columns).toList());
            selective += !expected.isEmpty() && expected.size() < rows.size() ? 1 : 0;
        }
        assertThat(selective).as("fragments selecting some but not all rows").isGreaterThan(200);
    }

    private Map<String, Object> randomRow(String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id);
        for (StoredField field : layout.fields()) {
            if (random.nextInt(4) > 0) {
                Object value = randomValue(field.name());
                row.put(field.name(), field.dtype().normalize(value, layout.entityId(), field.name()));
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

    /** A comparison value for a field; numbers sometimes of the other numeric type. */
    private Object randomOperand(String field) {
        if (field.equals("n") && random.nextInt(4) == 0) {
            return pick(FLOATS);
        }
        if (field.equals("f") && random.nextInt(4) == 0) {
            return pick(INTEGERS);
        }
        return randomValue(field);
    }

    private Expr randomExpr(int depth) {
        int choice = random.nextInt(depth <= 0 ? 1 : 5);
        if (choice == 0 || choice == 1) {
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

    private Expr randomLeaf() {
        StoredField field = pick(layout.fields());
        String name = field.name();
        DType.Kind kind = field.dtype().kind();
        if (random.nextInt(8) == 0) {
            return new Expr.Leaf(name, Op.NULL, random.nextBoolean());
        }
        if (kind == DType.Kind.ARRAY) {
            return new Expr.Leaf(name, Op.ARRAY_CONTAINS, pick(ELEMENTS));
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
                values.add(randomOperand(name));
            }
            return new Expr.Leaf(name, op, values);
        }
        return new Expr.Leaf(name, op, randomOperand(name));
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
}
