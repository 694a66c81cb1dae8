package io.heavenbase.conformance;

import io.heavenbase.Filter;
import io.heavenbase.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Seeded random queries on {@code sys-catalog}: and/or/not trees of every operator on every catalog
 * column, with values drawn from the data (so filters hit, including texts exactly at the catalog's
 * cut), ordering by one or two columns, offset, limit and projection, in both spellings.
 */
final class CatalogQueries {

    private static final List<String> COLUMNS = List.of("object_id", "target_id", "target_entity", "name", "desc",
            "tags");
    private static final List<String> ORDERABLE = List.of("object_id", "target_id", "target_entity", "name", "desc");
    private static final List<String> COMPARISONS = List.of("eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "null");
    private static final Map<String, List<String>> OPS = Map.of(
            "object_id", List.of("eq", "in", "ne", "null"),
            "target_id", COMPARISONS,
            "target_entity", List.of("eq", "ne", "in", "nin"),
            "name", join(COMPARISONS, "match", "match"),
            "desc", join(COMPARISONS, "match", "match", "match"),
            "tags", List.of("array_contains", "array_contains", "contained_in", "null"));
    private static final List<String> CONTAINER_WORDS = List.of("i", "love", "new", "york", "pie", "apple", "b", "big",
            "x");

    private final Random random;
    private final Map<String, List<Object>> values;

    /**
     * @param values per catalog column, the values filters compare with (the data's and others)
     */
    CatalogQueries(Random random, Map<String, List<Object>> values) {
        this.random = random;
        this.values = values;
    }

    private static List<String> join(List<String> base, String... more) {
        List<String> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    GeneratedQuery next() {
        Map<String, Object> json = new LinkedHashMap<>();
        List<UnaryOperator<Query>> steps = new ArrayList<>();
        if (random.nextInt(100) < 85) {
            Node filter = tree(0);
            json.put("filter", filter.json());
            steps.add(q -> q.where(filter.filter()));
        }
        if (random.nextInt(100) < 60) {
            List<String> keys = new ArrayList<>();
            for (int i = 1 + random.nextInt(2); i > 0; i--) {
                String field = pick(ORDERABLE);
                boolean descending = random.nextBoolean();
                keys.add((descending ? "-" : "") + field);
                steps.add(q -> descending ? q.orderByDesc(field) : q.orderBy(field));
            }
            json.put("order_by", keys);
        }
        if (random.nextInt(100) < 40) {
            List<String> columns = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                String column = pick(COLUMNS);
                if (!columns.contains(column)) {
                    columns.add(column);
                }
            }
            json.put("select", columns);
            String[] selected = columns.toArray(new String[0]);
            steps.add(q -> q.select(selected));
        }
        if (random.nextInt(100) < 30) {
            int offset = random.nextInt(40);
            json.put("offset", offset);
            steps.add(q -> q.offset(offset));
        }
        if (random.nextInt(100) < 60) {
            int limit = random.nextInt(30);
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
        return new GeneratedQuery(json, builder, false);
    }

    private record Node(Filter filter, Map<String, Object> json) {
    }

    private Node tree(int depth) {
        int dice = random.nextInt(100);
        if (depth >= 3 || dice < 45) {
            return leaf();
        }
        if (dice < 85) {
            boolean and = dice < 65;
            List<Node> children = new ArrayList<>();
            for (int i = 2 + random.nextInt(2); i > 0; i--) {
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
        String field = pick(new ArrayList<>(OPS.keySet()).stream().sorted().toList());
        String op = pick(OPS.get(field));
        Filter filter;
        Object value;
        switch (op) {
            case "null":
                boolean isNull = random.nextBoolean();
                filter = isNull ? Filter.isNull(field) : Filter.isNotNull(field);
                value = isNull;
                break;
            case "in":
            case "nin":
                List<Object> list = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    list.add(pick(values.get(field)));
                }
                filter = op.equals("in") ? Filter.in(field, list) : Filter.notIn(field, list);
                value = list;
                break;
            case "match":
                String words = word() + (random.nextBoolean() ? "" : " " + word());
                filter = Filter.match(field, words);
                value = words;
                break;
            case "array_contains":
                Object tag = random.nextInt(4) == 0 ? String.valueOf(random.nextInt(9)) : pick(CatalogData.TAGS);
                filter = Filter.arrayContains(field, tag);
                value = tag;
                break;
            case "contained_in":
                StringBuilder text = new StringBuilder(pick(CONTAINER_WORDS));
                for (int i = random.nextInt(5); i > 0; i--) {
                    text.append(' ').append(random.nextInt(8) == 0 ? random.nextInt(9) : pick(CONTAINER_WORDS));
                }
                if (random.nextInt(6) == 0) {
                    text.append(' ').append(random.nextBoolean() ? CatalogData.LONG_TAG : CatalogData.WIDE_TAG);
                }
                filter = Filter.containedIn(field, text.toString());
                value = text.toString();
                break;
            default:
                value = pick(values.get(field));
                filter = comparison(op, field, value);
        }
        return new Node(filter, Map.of(field, Map.of("$" + op, value)));
    }

    private String word() {
        return random.nextInt(5) == 0 ? pick(CatalogData.FILLER) : pick(CatalogData.WORDS);
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

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
