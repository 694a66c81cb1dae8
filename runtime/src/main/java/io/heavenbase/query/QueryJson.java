package io.heavenbase.query;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.Fusion;
import io.heavenbase.Metric;
import io.heavenbase.ValidationException;
import io.heavenbase.schema.Names;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON spelling of a query, both ways. Shape: {@code {"filter": {...}, "near": {"field": f,
 * "vector": [..], "top_k": k, "metric": "cosine"}, "search": {"field": f, "text": "...", "top_k": k},
 * "fusion": {"method": "rrf", "k": 60} (or {"method": "weighted", "search": w, "near": w}),
 * "select": [..], "order_by": ["-price", "title"],
 * "limit": n, "offset": n}}. Filter: a map of field to a bare value (equality) or an operator map
 * ({@code $eq $ne $lt $lte $gt $gte $in $nin $null $match $array_contains $contained_in $contains}; several
 * operators are ANDed), plus {@code $and}/{@code $or} (lists of filter maps) and {@code $not} (a
 * filter map); several keys in one map are ANDed. {@code near.top_k} and {@code search.top_k} default to 10,
 * {@code near.metric} to cosine; {@code select} and {@code order_by} may be a single string;
 * {@code "-field"} orders descending. Unknown top-level keys and operators are rejected with a
 * {@link io.heavenbase.ValidationException} whose field is the offending path
 * (e.g. {@code filter.price.$foo}, {@code near.bogus}, {@code order_by[1]}).
 *
 * <p>Only the shape is checked here; values stay as given until
 * {@link QueryValidator#validate} checks them against the entity schema. {@link #toMap} writes
 * times as ISO-8601 strings and vectors as lists of numbers, and {@code fromMap(toMap(spec))}
 * describes the same query as {@code spec}.
 */
public final class QueryJson {

    private static final Set<String> KEYS = Set.of("filter", "near", "search", "fusion", "select", "order_by",
            "limit", "offset");
    private static final Set<String> FUSION_KEYS = Set.of("method", "k", "search", "near");
    private static final Set<String> SEARCH_KEYS = Set.of("field", "text", "top_k");
    private static final Set<String> NEAR_KEYS = Set.of("field", "vector", "top_k", "metric");
    private static final int DEFAULT_TOP_K = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private QueryJson() {
    }

    /** Parses JSON text (malformed JSON is a ValidationException naming line and column, field {@code json}). */
    public static QuerySpec parse(String json) {
        if (json == null) {
            throw invalid("json", "json", "query JSON is missing (null)");
        }
        Object tree;
        try {
            tree = MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw invalid("json", "json", "malformed query JSON" + where + ": " + e.getOriginalMessage());
        }
        if (!(tree instanceof Map)) {
            throw invalid("json", "type", "a query must be a JSON object, got " + describe(tree));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> map = (Map<String, ?>) tree;
        return fromMap(map);
    }

    /** Reads a query from its map form (as produced by a JSON library or {@link #toMap}). */
    public static QuerySpec fromMap(Map<String, ?> json) {
        if (json == null) {
            throw invalid("json", "json", "query map is missing (null)");
        }
        for (String key : json.keySet()) {
            if (!KEYS.contains(key)) {
                throw invalid(String.valueOf(key), "unknown_key", "unknown query key '" + Names.shorten(key)
                        + "'; expected filter, near, search, fusion, select, order_by, limit or offset");
            }
        }
        Expr filter = parseFilter(json.get("filter"));
        NearSpec near = json.get("near") == null ? null : parseNear(json.get("near"));
        SearchSpec search = json.get("search") == null ? null : parseSearch(json.get("search"));
        Fusion fusion = json.get("fusion") == null ? null : parseFusion(json.get("fusion"));
        List<String> select = strings(json.get("select"), "select");
        List<SortKey> orderBy = new ArrayList<>();
        List<String> order = strings(json.get("order_by"), "order_by");
        for (int i = 0; i < order.size(); i++) {
            orderBy.add(sortKey(order.get(i), "order_by[" + i + "]"));
        }
        Integer offset = integer(json.get("offset"), "offset");
        Integer limit = integer(json.get("limit"), "limit");
        return new QuerySpec(filter, near, select, orderBy, offset == null ? 0 : offset, limit, search, fusion);
    }

    /** The map form of a query, made of maps, lists, strings, numbers and booleans. */
    public static Map<String, Object> toMap(QuerySpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (spec.filter() != null) {
            out.put("filter", FilterJson.toMap(spec.filter()));
        }
        if (spec.near() != null) {
            out.put("near", nearMap(spec.near()));
        }
        if (spec.search() != null) {
            Map<String, Object> search = new LinkedHashMap<>();
            search.put("field", spec.search().field());
            search.put("text", spec.search().text());
            search.put("top_k", spec.search().topK());
            out.put("search", search);
        }
        if (spec.fusion() != null) {
            Map<String, Object> fusion = new LinkedHashMap<>();
            fusion.put("method", spec.fusion().method().id());
            if (spec.fusion().method() == Fusion.Method.RRF) {
                fusion.put("k", spec.fusion().rankConstant());
            } else {
                fusion.put("search", spec.fusion().searchWeight());
                fusion.put("near", spec.fusion().nearWeight());
            }
            out.put("fusion", fusion);
        }
        if (!spec.select().isEmpty()) {
            out.put("select", new ArrayList<>(spec.select()));
        }
        if (!spec.orderBy().isEmpty()) {
            List<String> order = new ArrayList<>();
            for (SortKey key : spec.orderBy()) {
                order.add((key.descending() ? "-" : "") + key.field());
            }
            out.put("order_by", order);
        }
        if (spec.limit() != null) {
            out.put("limit", spec.limit());
        }
        if (spec.offset() != 0) {
            out.put("offset", spec.offset());
        }
        return out;
    }

    private static Expr parseFilter(Object json) {
        if (json == null) {
            return null;
        }
        if (json instanceof Map && ((Map<?, ?>) json).isEmpty()) {
            return null;
        }
        return FilterJson.parse(json, "filter");
    }

    private static Fusion parseFusion(Object json) {
        if (!(json instanceof Map)) {
            throw invalid("fusion", "type", "'fusion' must be an object with method (rrf or weighted) and k, or search"
                    + " and near weights, got " + describe(json));
        }
        Map<?, ?> fusion = (Map<?, ?>) json;
        for (Object key : fusion.keySet()) {
            if (!FUSION_KEYS.contains(String.valueOf(key))) {
                throw invalid("fusion." + key, "unknown_key", "unknown key 'fusion." + Names.shorten(key)
                        + "'; expected method, k, search or near");
            }
        }
        Object method = fusion.get("method");
        if (method == null || Fusion.Method.RRF.id().equals(method)) {
            if (fusion.containsKey("search") || fusion.containsKey("near")) {
                throw invalid("fusion.search", "fusion", "weights belong to \"method\": \"weighted\"; RRF takes k");
            }
            Integer k = integer(fusion.get("k"), "fusion.k");
            return Fusion.rrf(k == null ? Fusion.DEFAULT_RANK_CONSTANT : k);
        }
        if (!Fusion.Method.WEIGHTED.id().equals(method)) {
            throw invalid("fusion.method", "fusion", "'fusion.method' must be rrf or weighted, got " + describe(method));
        }
        if (fusion.containsKey("k")) {
            throw invalid("fusion.k", "fusion", "k belongs to \"method\": \"rrf\"; weighted fusion takes search and"
                    + " near weights");
        }
        return Fusion.weighted(weight(fusion.get("search"), "fusion.search"), weight(fusion.get("near"),
                "fusion.near"));
    }

    private static double weight(Object json, String path) {
        if (json == null) {
            return 1.0;
        }
        if (!(json instanceof Number)) {
            throw invalid(path, "type", "'" + path + "' must be a number, got " + describe(json));
        }
        return ((Number) json).doubleValue();
    }

    private static SearchSpec parseSearch(Object json) {
        if (!(json instanceof Map)) {
            throw invalid("search", "type", "'search' must be an object with field, text and top_k, got "
                    + describe(json));
        }
        Map<?, ?> search = (Map<?, ?>) json;
        for (Object key : search.keySet()) {
            if (!SEARCH_KEYS.contains(String.valueOf(key))) {
                throw invalid("search." + key, "unknown_key", "unknown key 'search." + Names.shorten(key)
                        + "'; expected field, text or top_k");
            }
        }
        Object field = search.get("field");
        if (!(field instanceof String)) {
            throw invalid("search.field", "type", "'search.field' must name a text field, got " + describe(field));
        }
        Object text = search.get("text");
        if (!(text instanceof String)) {
            throw invalid("search.text", "type", "'search.text' must be a string, got " + describe(text));
        }
        Integer topK = integer(search.get("top_k"), "search.top_k");
        return new SearchSpec((String) field, (String) text, topK == null ? DEFAULT_TOP_K : topK);
    }

    private static NearSpec parseNear(Object json) {
        if (!(json instanceof Map)) {
            throw invalid("near", "type", "'near' must be an object with field, vector, top_k and metric, got "
                    + describe(json));
        }
        Map<?, ?> near = (Map<?, ?>) json;
        for (Object key : near.keySet()) {
            if (!NEAR_KEYS.contains(String.valueOf(key))) {
                throw invalid("near." + key, "unknown_key", "unknown key 'near." + Names.shorten(key)
                        + "'; expected field, vector, top_k or metric");
            }
        }
        Object field = near.get("field");
        if (!(field instanceof String)) {
            throw invalid("near.field", "type", "'near.field' must name a Vector field, got " + describe(field));
        }
        Integer topK = integer(near.get("top_k"), "near.top_k");
        Object metric = near.get("metric");
        return new NearSpec((String) field, vector(near.get("vector")), topK == null ? DEFAULT_TOP_K : topK,
                metric(metric));
    }

    private static Metric metric(Object metric) {
        if (metric == null) {
            return Metric.COSINE;
        }
        if (metric instanceof Metric) {
            return (Metric) metric;
        }
        if (!(metric instanceof String)) {
            throw invalid("near.metric", "metric", "'near.metric' must be cosine, dot or l2, got " + describe(metric));
        }
        return Metric.parse((String) metric);
    }

    private static float[] vector(Object json) {
        if (json instanceof float[]) {
            return ((float[]) json).clone();
        }
        if (json instanceof double[]) {
            double[] values = (double[]) json;
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) values[i];
            }
            return out;
        }
        if (!(json instanceof List)) {
            throw invalid("near.vector", "type", "'near.vector' must be a list of numbers, got " + describe(json));
        }
        List<?> values = (List<?>) json;
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object value = values.get(i);
            if (!(value instanceof Number)) {
                throw invalid("near.vector", "type", "'near.vector[" + i + "]' must be a number, got "
                        + describe(value));
            }
            out[i] = ((Number) value).floatValue();
        }
        return out;
    }

    private static Map<String, Object> nearMap(NearSpec near) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("field", near.field());
        List<Float> vector = new ArrayList<>();
        if (near.vector() != null) {
            for (float value : near.vector()) {
                vector.add(value);
            }
        }
        out.put("vector", vector);
        out.put("top_k", near.topK());
        out.put("metric", (near.metric() == null ? Metric.COSINE : near.metric()).id());
        return out;
    }

    private static List<String> strings(Object json, String path) {
        if (json == null) {
            return List.of();
        }
        if (json instanceof String) {
            return List.of((String) json);
        }
        if (!(json instanceof List)) {
            throw invalid(path, "type", "'" + path + "' must be a list of field names, got " + describe(json));
        }
        List<String> out = new ArrayList<>();
        List<?> items = (List<?>) json;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String) || ((String) item).isEmpty()) {
                throw invalid(path + "[" + i + "]", "type", "'" + path + "[" + i + "]' must be a field name, got "
                        + describe(item));
            }
            out.add((String) item);
        }
        return out;
    }

    private static SortKey sortKey(String spelling, String path) {
        boolean descending = spelling.startsWith("-");
        String field = descending ? spelling.substring(1) : spelling;
        if (field.isEmpty()) {
            throw invalid(path, "type", "'" + path + "' must be a field name, optionally prefixed by '-', got '"
                    + Names.shorten(spelling) + "'");
        }
        return new SortKey(field, descending);
    }

    private static Integer integer(Object json, String path) {
        if (json == null) {
            return null;
        }
        if (json instanceof Number) {
            Number number = (Number) json;
            boolean integral = json instanceof Integer || json instanceof Long || json instanceof Short
                    || json instanceof Byte || json instanceof BigInteger
                    || (json instanceof Double || json instanceof Float) && number.doubleValue() == Math.rint(
                            number.doubleValue());
            if (integral && number.doubleValue() >= Integer.MIN_VALUE && number.doubleValue() <= Integer.MAX_VALUE) {
                return number.intValue();
            }
        }
        throw invalid(path, "type", "'" + path + "' must be a whole number, got " + describe(json));
    }

    static ValidationException invalid(String path, String rule, String message) {
        return new ValidationException(null, path, rule, message);
    }

    /** A short description of a JSON value for messages: its kind and (shortened) spelling. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String kind = value instanceof Map ? "object" : value instanceof List ? "list"
                : value instanceof String ? "string" : value instanceof Number ? "number"
                        : value instanceof Boolean ? "boolean" : value.getClass().getSimpleName();
        return kind + " " + Names.shorten(value instanceof String ? "'" + value + "'" : value);
    }
}
