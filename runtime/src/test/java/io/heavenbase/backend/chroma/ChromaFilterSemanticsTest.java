package io.heavenbase.backend.chroma;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.capability.Ops;
import io.heavenbase.query.Evaluator;
import io.heavenbase.query.Expr;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator the chroma capability table declares native, run by the real server on rows with
 * nulls, duplicates, case and accent variants and extreme numbers, alone, negated and inside
 * AND/OR/NOT, with and without candidates: the ids must be exactly the ones
 * {@link io.heavenbase.query.Evaluator} (the engine's reference semantics) selects.
 */
class ChromaFilterSemanticsTest {

    private static final EntityLayout LAYOUT = new EntityLayout("filter-item", List.of(
            inline("title", "ShortText"), inline("ref", "Identifier"), inline("color", "Categorical[red,green,blue]"),
            inline("flag", "Boolean"), inline("qty", "Integer"), inline("price", "Float"),
            inline("created", "Timestamp"), inline("day", "Date")));
    private static final Set<String> CANDIDATES = Set.of("r1", "r3", "r4", "r6", "r8", "unknown");
    private static final List<Map<String, Object>> ROWS = rows();

    private static Backend backend;

    @BeforeAll
    static void loadRows() {
        backend = new ChromaProvider().open(new BackendConfig("vec", ChromaTestServer.config()));
        backend.ensure(LAYOUT);
        backend.upsert(LAYOUT, ROWS);
    }

    @AfterAll
    static void dropRows() {
        if (backend != null) {
            try {
                backend.drop(LAYOUT);
            } finally {
                backend.close();
            }
        }
    }

    static Stream<Arguments> nativeOperators() {
        List<Arguments> cases = new ArrayList<>();
        for (StoredField field : LAYOUT.fields()) {
            for (String op : Ops.applicable(field.dtype())) {
                if (new ChromaProvider().capabilities().isNative(field.dtype(), Strategy.INLINE_COLUMN, op)) {
                    cases.add(Arguments.of(field.name(), Op.fromId(op)));
                }
            }
        }
        for (String op : List.of(Ops.EQ, Ops.NE, Ops.IN, Ops.NIN)) {
            cases.add(Arguments.of("object_id", Op.fromId(op)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nativeOperators")
    void givenANativeOperator_whenRunByTheServerAloneNegatedAndCombined_thenTheRowsTheEvaluatorSelects(String field,
            Op op) {
        List<String> mismatches = new ArrayList<>();
        for (Object value : operands(field, op)) {
            Expr leaf = new Expr.Leaf(field, op, value);
            for (Expr filter : shapes(leaf)) {
                for (Set<String> candidates : Arrays.asList(null, CANDIDATES)) {
                    Set<String> expected = expected(filter, candidates);
                    Set<String> actual = actual(filter, candidates);
                    if (!expected.equals(actual)) {
                        mismatches.add(filter + (candidates == null ? "" : " among " + new TreeSet<>(candidates))
                                + ": expected " + expected + " but the server gave " + actual);
                    }
                }
            }
        }

        assertThat(mismatches).isEmpty();
    }

    private static List<Expr> shapes(Expr leaf) {
        Expr positiveQty = new Expr.Leaf("qty", Op.GT, 0L);
        Expr flagSet = new Expr.Leaf("flag", Op.EQ, true);
        return List.of(leaf, new Expr.Not(leaf), new Expr.And(List.of(leaf, new Expr.Not(positiveQty))),
                new Expr.Or(List.of(leaf, flagSet)), new Expr.Not(new Expr.Or(List.of(leaf, new Expr.Not(flagSet)))),
                new Expr.Not(new Expr.And(List.of(new Expr.Not(leaf), positiveQty))));
    }

    private static Set<String> expected(Expr filter, Set<String> candidates) {
        Set<String> ids = new TreeSet<>();
        for (Map<String, Object> row : ROWS) {
            String id = (String) row.get("object_id");
            if ((candidates == null || candidates.contains(id)) && Evaluator.test(filter, row)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Set<String> actual(Expr filter, Set<String> candidates) {
        Set<String> ids = new TreeSet<>();
        for (Hit hit : backend.execute(LAYOUT, Fragment.filter(filter, candidates))) {
            ids.add(hit.objectId());
        }
        return ids;
    }

    /** Every stored value of the field plus one that is never stored; lists of those for in/nin. */
    private static List<Object> operands(String field, Op op) {
        Set<Object> values = new LinkedHashSet<>();
        for (Map<String, Object> row : ROWS) {
            if (row.get(field) != null) {
                values.add(row.get(field));
            }
        }
        values.add(absent(field));
        if (op != Op.IN && op != Op.NIN) {
            return new ArrayList<>(values);
        }
        List<Object> all = new ArrayList<>(values);
        List<Object> lists = new ArrayList<>();
        lists.add(List.of());
        lists.add(List.of(absent(field)));
        for (int i = 0; i + 1 < all.size(); i++) {
            lists.add(List.of(all.get(i), all.get(i + 1)));
        }
        return lists;
    }

    private static Object absent(String field) {
        switch (field) {
            case "flag":
                return true;
            case "qty":
                return 7L;
            case "price":
                return 3.25;
            case "created":
                return Instant.parse("2030-01-01T00:00:00Z");
            case "day":
                return LocalDate.of(2030, 1, 1);
            default:
                return "absent";
        }
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("r1", "apple", "a-1", "red", true, 5L, 2.5, "2024-01-01T10:00:00.001Z", "2024-01-01"));
        rows.add(row("r2", "Apple", "a-2", "green", false, 10L, 10.0, "2024-02-01T00:00:00Z", "2024-02-01"));
        rows.add(row("r3", "éclair", "b-1", "blue", true, -3L, 9.99, "1969-12-31T23:59:59.999Z", "1969-12-31"));
        rows.add(row("r4", null, null, null, null, null, null, null, null));
        rows.add(row("r5", "apple", "a-1", "red", false, 5L, 2.5, "2024-01-01T10:00:00.001Z", "2024-01-01"));
        rows.add(row("r6", "eclair", null, null, null, 0L, -0.0, "2024-01-01T10:00:00Z", "0001-01-01"));
        rows.add(row("r7", "", "z", "green", true, Long.MAX_VALUE, 1e300, "2262-04-11T23:47:16.854Z", "9999-12-31"));
        rows.add(row("r8", "Ápple", null, "blue", null, Long.MIN_VALUE, 0.1 + 0.2, null, null));
        rows.add(row("r9", "e\u0301clair", "😀", "red", false, 9_007_199_254_740_993L, 0.30000000000000004,
                "2024-01-01T10:00:00.002Z", "2024-01-02"));
        return rows;
    }

    private static Map<String, Object> row(String id, String title, String ref, String color, Boolean flag, Long qty,
            Double price, String created, String day) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        row.put("title", title);
        row.put("ref", ref);
        row.put("color", color);
        row.put("flag", flag);
        row.put("qty", qty);
        row.put("price", price);
        row.put("created", created == null ? null : Instant.parse(created));
        row.put("day", day == null ? null : LocalDate.parse(day));
        return row;
    }

    private static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }
}
