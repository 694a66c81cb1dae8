package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.SortKey;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a {@link Fragment} as {@code _search} requests on one index: the filter, the candidate ids
 * and (for near) the presence of the vector go into one {@code bool} filter; results come back in
 * the fragment's order. Pages up to {@code pageSize} (the server's {@code max_result_window},
 * 10000 by default) use {@code from}/{@code size}; deeper results are read with
 * {@code search_after} on the same sort, which always ends with the unique {@code object_id}.
 */
record FragmentSearch(SearchClient client, int pageSize) {

    private static final Comparator<Map<String, Object>> BY_SCORE = Comparator
            .<Map<String, Object>>comparingDouble(row -> (Double) row.get(Names.SCORE)).reversed()
            .thenComparing(row -> (String) row.get(Names.OBJECT_ID), ValueOrder::compareText);

    List<Hit> execute(String index, EntityLayout layout, Fragment fragment, Distribution distribution) {
        ObjectNode query = query(layout, fragment);
        if (fragment.near() == null) {
            List<Hit> hits = new ArrayList<>();
            Set<String> columns = fragment.columns();
            scan(index, body(query, SortClauses.of(fragment.order(), layout), columns), fragment.offset(),
                    fragment.limit(), json -> hits.add(new Hit(json.path("_id").asText(), Double.NaN,
                            values(json, layout, columns, Double.NaN))));
            return hits;
        }
        return nearest(index, layout, fragment, query, distribution);
    }

    /** Every object_id in the index, read in object_id order. */
    Set<String> ids(String index) {
        Set<String> ids = new LinkedHashSet<>();
        ArrayNode sort = SearchClient.JSON.createArrayNode();
        sort.addObject().putObject(DocumentCodec.OBJECT_ID).put("order", "asc");
        scan(index, body(FilterQuery.matchAll(), sort, Set.of()), 0, null, hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    private List<Hit> nearest(String index, EntityLayout layout, Fragment fragment, ObjectNode filter,
            Distribution distribution) {
        NearSpec near = fragment.near();
        if (near.topK() <= 0) {
            return List.of();
        }
        Set<String> sourceFields = new LinkedHashSet<>(fragment.columns());
        for (SortKey key : fragment.order()) {
            sourceFields.add(key.field());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode json : topKWithFloatTies(index, near, filter, distribution, sourceFields)) {
            double score = NearQuery.exactScore(json);
            Map<String, Object> row = values(json, layout, sourceFields, score);
            row.put(Names.OBJECT_ID, json.path("_id").asText());
            row.put(Names.SCORE, score);
            rows.add(row);
        }
        rows.sort(BY_SCORE);
        List<Map<String, Object>> top = new ArrayList<>(rows.subList(0, Math.min(near.topK(), rows.size())));
        if (!fragment.order().isEmpty()) {
            top.sort(ValueOrder.rows(fragment.order()));
        }
        int from = Math.min(Math.max(fragment.offset(), 0), top.size());
        int to = fragment.limit() == null ? top.size()
                : (int) Math.min((long) from + Math.max(fragment.limit(), 0), top.size());
        List<Hit> page = new ArrayList<>(to - from);
        for (Map<String, Object> row : top.subList(from, to)) {
            Map<String, Object> columns = new HashMap<>();
            for (String column : fragment.columns()) {
                columns.put(column, row.get(column));
            }
            page.add(new Hit((String) row.get(Names.OBJECT_ID), (Double) row.get(Names.SCORE), columns));
        }
        return page;
    }

    /** The first k hits by the server's float score, plus those tying with the k-th (see {@link NearQuery}). */
    private List<JsonNode> topKWithFloatTies(String index, NearSpec near, ObjectNode filter, Distribution distribution,
            Set<String> sourceFields) {
        ObjectNode body = body(NearQuery.query(near, filter, distribution), NearQuery.sort(), sourceFields);
        body.set("script_fields", NearQuery.scriptFields(near, distribution));
        List<JsonNode> hits = new ArrayList<>();
        scan(index, body, 0, near.topK(), hits::add);
        if (hits.size() == near.topK()) {
            JsonNode kth = hits.get(hits.size() - 1);
            double cut = NearQuery.rankScore(kth);
            scanAfter(index, body, kth.path("sort"), hit -> {
                boolean tied = NearQuery.rankScore(hit) == cut;
                if (tied) {
                    hits.add(hit);
                }
                return tied;
            });
        }
        return hits;
    }

    private static ObjectNode query(EntityLayout layout, Fragment fragment) {
        ObjectNode bool = SearchClient.object();
        ArrayNode filter = bool.putObject("bool").putArray("filter");
        if (fragment.filter() != null) {
            filter.add(FilterQuery.of(fragment.filter(), layout));
        }
        if (fragment.candidates() != null) {
            filter.add(FilterQuery.ids(fragment.candidates()));
        }
        if (fragment.near() != null) {
            // Only rows with a vector are eligible; the scoring script needs one.
            filter.add(FilterQuery.present(fragment.near().field()));
        }
        return bool;
    }

    private static ObjectNode body(ObjectNode query, ArrayNode sort, Set<String> columns) {
        ObjectNode body = SearchClient.object();
        body.set("query", query);
        body.set("sort", sort);
        body.put("track_total_hits", false);
        List<String> fields = new ArrayList<>();
        for (String column : columns) {
            if (!column.equals(Names.SCORE)) {
                fields.add(column);
            }
        }
        if (fields.isEmpty()) {
            body.put("_source", false);
        } else {
            ArrayNode includes = body.putArray("_source");
            fields.forEach(includes::add);
        }
        return body;
    }

    /**
     * Feeds the hits after the first {@code skip} to {@code sink}, at most {@code limit} of them
     * (all when null), in sort order.
     */
    private void scan(String index, ObjectNode body, int skip, Integer limit, Consumer<JsonNode> sink) {
        long toSkip = Math.max(skip, 0);
        long remaining = limit == null ? Long.MAX_VALUE : Math.max(limit, 0);
        if (remaining == 0) {
            return;
        }
        String path = "/" + index + "/_search";
        String operation = "search index '" + index + "'";
        if (remaining <= pageSize - toSkip) {
            body.put("from", toSkip).put("size", remaining);
            JsonNode response = client.sendUnlessIndexMissing("POST", path, body, operation);
            if (response != null) {
                response.path("hits").path("hits").forEach(sink::accept);
            }
            return;
        }
        JsonNode after = null;
        while (remaining > 0) {
            int size = remaining >= pageSize ? pageSize : (int) Math.min(pageSize, toSkip + remaining);
            body.put("size", size);
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode response = client.sendUnlessIndexMissing("POST", path, body, operation);
            JsonNode hits = response == null ? SearchClient.JSON.createArrayNode() : response.path("hits").path("hits");
            for (JsonNode hit : hits) {
                after = hit.path("sort");
                if (toSkip > 0) {
                    toSkip--;
                } else if (remaining > 0) {
                    sink.accept(hit);
                    remaining--;
                }
            }
            if (hits.size() < size) {
                return;
            }
        }
    }

    /** Feeds the hits after {@code after} in sort order to {@code sink} until it answers false. */
    private void scanAfter(String index, ObjectNode body, JsonNode after, Predicate<JsonNode> sink) {
        int size = Math.min(pageSize, 100);
        body.remove("from");
        body.put("size", size);
        JsonNode last = after;
        while (true) {
            body.set("search_after", last);
            JsonNode response = client.sendUnlessIndexMissing("POST", "/" + index + "/_search", body,
                    "search index '" + index + "'");
            JsonNode hits = response == null ? SearchClient.JSON.createArrayNode() : response.path("hits").path("hits");
            for (JsonNode hit : hits) {
                if (!sink.test(hit)) {
                    return;
                }
                last = hit.path("sort");
            }
            if (hits.size() < size) {
                return;
            }
        }
    }

    /** The requested columns of a hit, decoded from {@code _source}; {@code score} is the score (null without near). */
    private static Map<String, Object> values(JsonNode json, EntityLayout layout, Set<String> columns, double score) {
        JsonNode source = json.path("_source");
        Map<String, Object> values = new HashMap<>();
        for (String column : columns) {
            if (column.equals(Names.SCORE)) {
                values.put(column, Double.isNaN(score) ? null : score);
                continue;
            }
            StoredField field = layout.field(column);
            values.put(column, field == null ? null : DocumentCodec.decode(field.dtype(), source.get(column)));
        }
        return values;
    }
}
