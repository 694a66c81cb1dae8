package io.heavenbase.query;

import io.heavenbase.schema.InputLimits;
import io.heavenbase.schema.Names;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON spelling of a filter, both ways. A filter map holds field keys (a bare value means
 * {@code $eq}; an operator map with several operators means their AND) and the combinators
 * {@code $and}/{@code $or} (lists of filter maps) and {@code $not} (a filter map); several keys in
 * one map are ANDed. Written back, every leaf is spelled {@code {"field": {"$op": value}}} and every
 * combinator explicitly, so reading what was written gives the same tree.
 */
final class FilterJson {

    private static final String AND = "$and";
    private static final String OR = "$or";
    private static final String NOT = "$not";

    private FilterJson() {
    }

    /** The expression of a filter map; an empty map is an empty And (always true). */
    static Expr parse(Object json, String path) {
        return parse(json, path, 0);
    }

    private static Expr parse(Object json, String path, int depth) {
        if (depth > InputLimits.MAX_FILTER_MAP_DEPTH) {
            throw QueryJson.invalid("filter", "filter_depth", "the filter map is nested more than "
                    + InputLimits.MAX_FILTER_MAP_DEPTH + " levels deep");
        }
        if (!(json instanceof Map)) {
            throw QueryJson.invalid(path, "type", "'" + path + "' must be an object of field conditions, got "
                    + QueryJson.describe(json));
        }
        List<Expr> children = new ArrayList<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) json).entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (key.equals(AND) || key.equals(OR)) {
                List<Expr> parts = parseList(value, path + "." + key, depth);
                children.add(key.equals(AND) ? new Expr.And(parts) : new Expr.Or(parts));
            } else if (key.equals(NOT)) {
                children.add(new Expr.Not(parse(value, path + "." + NOT, depth + 1)));
            } else if (key.startsWith("$")) {
                throw QueryJson.invalid(path + "." + key, "unknown_operator", "unknown operator '"
                        + Names.shorten(key) + "' at '" + path + "': only $and, $or and $not combine conditions; "
                        + "other operators go under a field, e.g. {\"price\": {\"$lt\": 10}}");
            } else {
                children.addAll(parseField(key, value, path + "." + key));
            }
        }
        return children.size() == 1 ? children.get(0) : new Expr.And(children);
    }

    private static List<Expr> parseList(Object json, String path, int depth) {
        if (!(json instanceof List)) {
            throw QueryJson.invalid(path, "type", "'" + path + "' must be a list of filter objects, got "
                    + QueryJson.describe(json));
        }
        List<Expr> parts = new ArrayList<>();
        List<?> items = (List<?>) json;
        for (int i = 0; i < items.size(); i++) {
            parts.add(parse(items.get(i), path + "[" + i + "]", depth + 1));
        }
        return parts;
    }

    private static List<Expr> parseField(String field, Object value, String path) {
        if (!(value instanceof Map)) {
            return List.of(new Expr.Leaf(field, Op.EQ, value));
        }
        Map<?, ?> operators = (Map<?, ?>) value;
        if (operators.isEmpty()) {
            throw QueryJson.invalid(path, "type", "'" + path + "' has no operator; use a value or e.g. {\"$eq\": ...}");
        }
        List<Expr> leaves = new ArrayList<>();
        for (Map.Entry<?, ?> entry : operators.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Op op = key.startsWith("$") ? Op.fromId(key.substring(1)) : null;
            if (op == null) {
                throw QueryJson.invalid(path + "." + key, "unknown_operator", "unknown operator '" + Names.shorten(key)
                        + "' at '" + path + "'; expected one of $eq $ne $lt $lte $gt $gte $in $nin $null $match "
                        + "$array_contains $contained_in $contains");
            }
            leaves.add(new Expr.Leaf(field, op, entry.getValue()));
        }
        return leaves;
    }

    /** The filter map of an expression. */
    static Map<String, Object> toMap(Expr expr) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (expr instanceof Expr.And) {
            out.put(AND, toMaps(((Expr.And) expr).children()));
        } else if (expr instanceof Expr.Or) {
            out.put(OR, toMaps(((Expr.Or) expr).children()));
        } else if (expr instanceof Expr.Not) {
            out.put(NOT, toMap(((Expr.Not) expr).child()));
        } else {
            Expr.Leaf leaf = (Expr.Leaf) expr;
            Map<String, Object> operator = new LinkedHashMap<>();
            operator.put("$" + leaf.op().id(), jsonValue(leaf.value()));
            out.put(leaf.field(), operator);
        }
        return out;
    }

    private static List<Object> toMaps(List<Expr> children) {
        List<Object> out = new ArrayList<>();
        for (Expr child : children) {
            out.add(toMap(child));
        }
        return out;
    }

    /** Times become ISO-8601 strings so the map can be written with any JSON library. */
    private static Object jsonValue(Object value) {
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof Collection) {
            List<Object> out = new ArrayList<>();
            for (Object element : (Collection<?>) value) {
                out.add(jsonValue(element));
            }
            return out;
        }
        return value;
    }
}
