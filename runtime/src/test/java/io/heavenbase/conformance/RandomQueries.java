package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.ACTIVE;
import static io.heavenbase.conformance.ConformanceEntity.BODY;
import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.CREATED;
import static io.heavenbase.conformance.ConformanceEntity.DAY;
import static io.heavenbase.conformance.ConformanceEntity.EMBEDDING;
import static io.heavenbase.conformance.ConformanceEntity.LINKS;
import static io.heavenbase.conformance.ConformanceEntity.META;
import static io.heavenbase.conformance.ConformanceEntity.NAME;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.REF;
import static io.heavenbase.conformance.ConformanceEntity.SIZES;
import static io.heavenbase.conformance.ConformanceEntity.SUMMARY;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;

import io.heavenbase.Filter;
import io.heavenbase.Metric;
import io.heavenbase.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Seeded random queries over the suite entity: and/or/not trees over every operator each field
 * type has, optional near (any metric), ordering, offset, limit and projection.
 */
public final class RandomQueries {

    private static final List<String> ORDERABLE = List.of(NAME, TITLE, REF, QTY, PRICE, ACTIVE, COLOR, CREATED, DAY);
    private static final List<String> SELECTABLE = List.of(NAME, TITLE, REF, SUMMARY, BODY, QTY, PRICE, ACTIVE, COLOR,
            CREATED, DAY, TAGS, SIZES, EMBEDDING, META, LINKS);
    private static final List<String> COMPARISONS = List.of("eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "null");
    private static final Map<String, List<String>> OPS = ops();

    private final RandomRows values;
    private final Random random;

    public RandomQueries(Random random) {
        this.random = random;
        this.values = new RandomRows(random);
    }

    private static Map<String, List<String>> ops() {
        Map<String, List<String>> ops = new LinkedHashMap<>();
        List<String> text = new ArrayList<>(COMPARISONS);
        text.add("match");
        ops.put(NAME, text);
        ops.put(TITLE, text);
        ops.put(REF, COMPARISONS);
        ops.put(SUMMARY, List.of("match", "null", "eq"));
        ops.put(BODY, List.of("match", "match", "null", "ne"));
        ops.put(QTY, COMPARISONS);
        ops.put(PRICE, COMPARISONS);
        ops.put(ACTIVE, List.of("eq", "ne", "in", "nin", "null"));
        ops.put(COLOR, COMPARISONS);
        ops.put(CREATED, COMPARISONS);
        ops.put(DAY, COMPARISONS);
        ops.put(TAGS, List.of("array_contains", "array_contains", "contained_in", "contained_in", "null"));
        ops.put(SIZES, List.of("array_contains", "null"));
        ops.put(EMBEDDING, List.of("null"));
        ops.put(META, List.of("null"));
        return ops;
    }

    public GeneratedQuery next() {
        Map<String, Object> json = new LinkedHashMap<>();
        List<UnaryOperator<Query>> steps = new ArrayList<>();
        if (random.nextInt(100) < 85) {
            Node filter = tree(0);
            json.put("filter", filter.json());
            steps.add(q -> q.where(filter.filter()));
        }
        boolean near = random.nextInt(100) < 30;
        if (near) {
            float[] vector = values.vector();
            if (vector[0] == 0 && vector[1] == 0 && vector[2] == 0) {
                vector[0] = 1;
            }
            int topK = 1 + random.nextInt(25);
            Metric metric = Metric.values()[random.nextInt(Metric.values().length)];
            json.put("near", Map.of("field", EMBEDDING, "vector", List.of(vector[0], vector[1], vector[2]),
                    "top_k", topK, "metric", metric.id()));
            steps.add(q -> q.near(EMBEDDING, vector, topK, metric));
        }
        if (random.nextInt(100) < 60) {
            List<String> keys = new ArrayList<>();
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                String field = near && random.nextInt(4) == 0 ? "score" : values.pick(ORDERABLE);
                boolean descending = random.nextBoolean();
                keys.add((descending ? "-" : "") + field);
                steps.add(q -> descending ? q.orderByDesc(field) : q.orderBy(field));
            }
            json.put("order_by", keys);
        }
        if (random.nextInt(100) < 40) {
            List<String> columns = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                String column = values.pick(SELECTABLE);
                if (!columns.contains(column)) {
                    columns.add(column);
                }
            }
            if (near && random.nextBoolean()) {
                columns.add("score");
            }
            json.put("select", columns);
            String[] selected = columns.toArray(new String[0]);
            steps.add(q -> q.select(selected));
        }
        if (random.nextInt(100) < 30) {
            int offset = random.nextInt(30);
            json.put("offset", offset);
            steps.add(q -> q.offset(offset));
        }
        if (random.nextInt(100) < 50) {
            int limit = 1 + random.nextInt(40);
            json.put("limit", limit);
            steps.add(q -> q.limit(limit));
        }
        UnaryOperator<Query> builder = q -> {
            Query out = q;
            for (UnaryOperator<Query> step : steps) {
                out = step.apply(out);
            }
            return out;
        };
        return new GeneratedQuery(json, builder, near);
    }

    /** A filter in both spellings. */
    private record Node(Filter filter, Map<String, Object> json) {
    }

    private Node tree(int depth) {
        int dice = random.nextInt(100);
        if (depth >= 3 || dice < 45) {
            return leaf();
        }
        if (dice < 85) {
            boolean and = dice < 65;
            int n = 2 + random.nextInt(2);
            List<Node> children = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                children.add(tree(depth + 1));
            }
            Filter[] filters = children.stream().map(Node::filter).toArray(Filter[]::new);
            List<Object> json = new ArrayList<>(children.stream().map(Node::json).toList());
            return new Node(and ? Filter.and(filters) : Filter.or(filters), Map.of(and ? "$and" : "$or", json));
        }
        Node child = tree(depth + 1);
        return new Node(Filter.not(child.filter()), Map.of("$not", child.json()));
    }

    private Node leaf() {
        String field = values.pick(new ArrayList<>(OPS.keySet()));
        String op = values.pick(OPS.get(field));
        Supplier<Object> value = () -> value(field);
        Filter filter;
        Object jsonValue;
        switch (op) {
            case "null": {
                boolean isNull = random.nextBoolean();
                filter = isNull ? Filter.isNull(field) : Filter.isNotNull(field);
                jsonValue = isNull;
                break;
            }
            case "in":
            case "nin": {
                List<Object> list = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    list.add(value.get());
                }
                filter = op.equals("in") ? Filter.in(field, list) : Filter.notIn(field, list);
                jsonValue = list.stream().map(RandomQueries::json).toList();
                break;
            }
            case "match": {
                String words = values.pick(RandomRows.WORDS) + (random.nextBoolean() ? "" : " " + values.pick(RandomRows.WORDS));
                filter = Filter.match(field, words);
                jsonValue = words;
                break;
            }
            case "array_contains": {
                Object element = field.equals(TAGS) ? values.pick(RandomRows.TAG_POOL) : (long) (random.nextInt(7) - 3);
                filter = Filter.arrayContains(field, element);
                jsonValue = element;
                break;
            }
            case "contained_in": {
                StringBuilder text = new StringBuilder(values.pick(RandomRows.CONTAINER_WORDS));
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    text.append(' ').append(values.pick(RandomRows.CONTAINER_WORDS));
                }
                filter = Filter.containedIn(field, text.toString());
                jsonValue = text.toString();
                break;
            }
            default: {
                Object v = value.get();
                filter = comparison(op, field, v);
                jsonValue = json(v);
                break;
            }
        }
        return new Node(filter, Map.of(field, Map.of("$" + op, jsonValue)));
    }

    private static Filter comparison(String op, String field, Object value) {
        switch (op) {
            case "eq":
                return Filter.eq(field, value);
            case "ne":
                return Filter.ne(field, value);
            case "lt":
                return Filter.lt(field, value);
            case "lte":
                return Filter.lte(field, value);
            case "gt":
                return Filter.gt(field, value);
            default:
                return Filter.gte(field, value);
        }
    }

    private Object value(String field) {
        switch (field) {
            case NAME:
            case TITLE:
                return values.pick(RandomRows.TEXTS);
            case REF:
                return "r-" + random.nextInt(16);
            case SUMMARY:
            case BODY:
                return values.text();
            case QTY:
                return (long) (random.nextInt(11) - 5);
            case PRICE:
                return random.nextInt(4) == 0 ? (Object) (long) random.nextInt(3) : values.pick(RandomRows.PRICES);
            case ACTIVE:
                return random.nextBoolean();
            case COLOR:
                return values.pick(RandomRows.COLORS);
            case CREATED:
                return values.instant();
            case DAY:
                return values.day();
            default:
                throw new IllegalArgumentException("no value pool for " + field);
        }
    }

    /** The JSON spelling of a filter value: time as ISO-8601 text. */
    private static Object json(Object value) {
        return value instanceof Instant || value instanceof LocalDate ? value.toString() : value;
    }
}
