package io.heavenbase.hostile;

import static io.heavenbase.conformance.ConformanceEntity.ACTIVE;
import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.OBJECT_ID;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;

import io.heavenbase.Filter;
import io.heavenbase.conformance.ReferenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Seeded random filters of hostile shapes over the conformance entity, each with its meaning as a
 * plain Java predicate built from {@link ReferenceModel} (the oracle, independent of the engine):
 * deep chains, wide ANDs and ORs, alternating nests, shared subtrees, long in/nin lists, and
 * invalid leaves (unpaired surrogates, NUL, wrong types, unknown fields) that must be rejected.
 */
final class HostileFilters {

    /** A generated filter: what it means, or that it must be rejected, and its size as written. */
    record Case(String shape, Filter filter, Predicate<Map<String, Object>> meaning, boolean invalid, int depth,
            long nodes) {
    }

    private static final List<String> TEXTS = List.of("", "apple", "Apple", "apple pie", "éclair", "eclair", "Zebra",
            "😀", "😀 smile", "banana split", "cherry", "zzz", "\uFFFF", "A");
    private static final List<String> IDS = List.of("r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09",
            "r10", "r11", "r12", "r0", "r13", "x");
    private static final List<String> TAG_VALUES = List.of("apple", "pie", "new york", "york", "banana", "😀", "b",
            "zebra", "nope");
    private static final List<String> COLORS = List.of("red", "green", "blue");

    private final Random random;

    HostileFilters(Random random) {
        this.random = random;
    }

    Case next() {
        switch (random.nextInt(8)) {
            case 0:
                return chain(random.nextBoolean());
            case 1:
                return chain(false);
            case 2:
                return wide();
            case 3:
                return longList();
            case 4:
                return shared();
            case 5:
                return invalid();
            default:
                return tree(random.nextInt(7));
        }
    }

    /** A random and/or/not tree of the given depth. */
    private Case tree(int depth) {
        if (depth == 0) {
            return leaf();
        }
        int kind = random.nextInt(5);
        if (kind == 0) {
            Case child = tree(depth - 1);
            return new Case("tree", Filter.not(child.filter()), child.meaning().negate(), child.invalid(),
                    child.depth() + 1, child.nodes() + 1);
        }
        int width = 1 + random.nextInt(4);
        List<Case> children = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            children.add(tree(random.nextInt(depth)));
        }
        return combine("tree", children, kind % 2 == 0);
    }

    /**
     * {@code f = f.and(leaf)} (or {@code or}, with NOTs sprinkled in pairs) repeated hundreds to
     * thousands of times; {@code mixed} alternates the combinators, which no flattening removes.
     */
    private Case chain(boolean mixed) {
        int length = 100 + random.nextInt(1_900);
        boolean and = random.nextBoolean();
        Case current = leaf();
        for (int i = 0; i < length; i++) {
            Case next = leaf();
            boolean step = mixed ? random.nextBoolean() : and;
            current = combine(mixed ? "mixed chain" : "chain", List.of(current, next), step);
            if (!mixed && random.nextInt(10) == 0) {
                current = not(not(current));
            }
        }
        return current;
    }

    private Case wide() {
        int width = 200 + random.nextInt(3_000);
        List<Case> children = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            children.add(random.nextInt(20) == 0 ? tree(2) : leaf());
        }
        return combine("wide", children, random.nextBoolean());
    }

    private Case longList() {
        int size = 500 + random.nextInt(20_000);
        boolean onId = random.nextBoolean();
        boolean negated = random.nextBoolean();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(onId ? (random.nextInt(50) == 0 ? pick(IDS) : "v" + random.nextInt(1_000_000))
                    : (long) (random.nextInt(1_000_000) - 500_000) * (random.nextInt(4) == 0 ? 1 : 0)
                            + random.nextInt(200) - 100);
        }
        String field = onId ? OBJECT_ID : QTY;
        Filter filter = negated ? Filter.notIn(field, values) : Filter.in(field, values);
        Predicate<Map<String, Object>> in = row -> row.get(field) != null
                && values.stream().anyMatch(v -> ReferenceModel.same(row.get(field), v));
        Predicate<Map<String, Object>> meaning = negated ? row -> row.get(field) == null || !in.test(row) : in;
        Case list = new Case("long list", filter, meaning, false, 0, 1);
        return random.nextBoolean() ? list : combine("long list", List.of(list, tree(2)), random.nextBoolean());
    }

    /** {@code f = f.or(f)} doubling: small counts must answer, large ones hit the node limit. */
    private Case shared() {
        Case current = tree(2);
        int doublings = random.nextInt(25);
        for (int i = 0; i < doublings; i++) {
            current = combine("shared", List.of(current, current), random.nextBoolean());
        }
        return current;
    }

    /** A tree with one leaf no backend may see: it must be rejected, whatever surrounds it. */
    private Case invalid() {
        Filter bad;
        switch (random.nextInt(7)) {
            case 0:
                bad = Filter.lt(TITLE, "a\uD800");
                break;
            case 1:
                bad = Filter.eq(TITLE, "nul\u0000");
                break;
            case 2:
                bad = Filter.in(OBJECT_ID, "r01", "\uDC00");
                break;
            case 3:
                bad = Filter.gt(QTY, "ten");
                break;
            case 4:
                bad = Filter.eq("no_such_field", 1);
                break;
            case 5:
                bad = Filter.in(QTY, (List<?>) null);
                break;
            default:
                bad = Filter.eq(COLOR, "purple");
                break;
        }
        Case badCase = new Case("invalid", bad, row -> false, true, 0, 1);
        return combine("invalid", List.of(tree(random.nextInt(3)), badCase), random.nextBoolean());
    }

    private Case leaf() {
        switch (random.nextInt(6)) {
            case 0:
                return comparison(QTY, () -> (long) random.nextInt(240) - 120, true);
            case 1:
                return comparison(PRICE, () -> random.nextInt(4) == 0 ? -0.0
                        : Math.round(random.nextGaussian() * 2000) / 100.0, true);
            case 2:
                return comparison(TITLE, () -> pick(TEXTS), true);
            case 3:
                return comparison(OBJECT_ID, () -> pick(IDS), true);
            case 4:
                return random.nextBoolean() ? comparison(COLOR, () -> pick(COLORS), false)
                        : comparison(ACTIVE, random::nextBoolean, false);
            default:
                Object tag = pick(TAG_VALUES);
                return new Case("leaf", Filter.arrayContains(TAGS, tag), row -> ReferenceModel.contains(row.get(TAGS),
                        tag), false, 0, 1);
        }
    }

    private Case comparison(String field, Supplier<Object> values, boolean ordered) {
        Object value = values.get();
        int op = random.nextInt(ordered ? 9 : 5);
        Predicate<Map<String, Object>> hasValue = row -> row.get(field) != null;
        switch (op) {
            case 0:
                return leaf(Filter.eq(field, value), hasValue.and(row -> ReferenceModel.same(row.get(field), value)));
            case 1:
                return leaf(Filter.ne(field, value), hasValue.negate().or(row -> !ReferenceModel.same(row.get(field),
                        value)));
            case 2:
                return random.nextBoolean() ? leaf(Filter.isNull(field), hasValue.negate())
                        : leaf(Filter.isNotNull(field), hasValue);
            case 3:
            case 4: {
                List<Object> list = List.of(value, values.get());
                Predicate<Map<String, Object>> in = hasValue.and(row -> list.stream()
                        .anyMatch(v -> ReferenceModel.same(row.get(field), v)));
                return op == 3 ? leaf(Filter.in(field, list), in) : leaf(Filter.notIn(field, list), in.negate());
            }
            default:
                Predicate<Map<String, Object>> compare = row -> {
                    int c = ReferenceModel.compareValues(row.get(field), value);
                    return op == 5 ? c < 0 : op == 6 ? c <= 0 : op == 7 ? c > 0 : c >= 0;
                };
                Filter filter = op == 5 ? Filter.lt(field, value) : op == 6 ? Filter.lte(field, value)
                        : op == 7 ? Filter.gt(field, value) : Filter.gte(field, value);
                return leaf(filter, hasValue.and(compare));
        }
    }

    private static Case leaf(Filter filter, Predicate<Map<String, Object>> meaning) {
        return new Case("leaf", filter, meaning, false, 0, 1);
    }

    private static Case not(Case child) {
        return new Case(child.shape(), Filter.not(child.filter()), child.meaning().negate(), child.invalid(),
                child.depth() + 1, child.nodes() + 1);
    }

    private static Case combine(String shape, List<Case> children, boolean and) {
        Filter[] filters = children.stream().map(Case::filter).toArray(Filter[]::new);
        // plain loops, not streams: a chain of 2,000 nested predicates must fit the test thread's stack
        List<Predicate<Map<String, Object>>> parts = children.stream().map(Case::meaning).toList();
        Predicate<Map<String, Object>> meaning = row -> {
            for (Predicate<Map<String, Object>> part : parts) {
                if (part.test(row) != and) {
                    return !and;
                }
            }
            return and;
        };
        boolean invalid = children.stream().anyMatch(Case::invalid);
        int depth = 1 + children.stream().mapToInt(Case::depth).max().orElse(0);
        long nodes = 1 + children.stream().mapToLong(Case::nodes).sum();
        return new Case(shape, and ? Filter.and(filters) : Filter.or(filters), meaning, invalid, depth, nodes);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
