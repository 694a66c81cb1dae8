package io.heavenbase.backend.milvus;

import io.heavenbase.Metric;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.Chunks;
import io.heavenbase.spi.support.RowScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a pushed-down {@link Fragment} against one collection.
 *
 * <p>The filter and the candidate ids become one Milvus expression, so Milvus applies them before
 * any top-k cut. {@code near} with the metric of the index is a Milvus search that asks for
 * {@code 2 topK + 10} hits; their vectors come back with them and are re-scored exactly in double
 * precision ({@link io.heavenbase.query.Similarity}), so scores and tie-breaking by object_id are
 * the engine's and the margin absorbs float rounding and ties at the cut. {@code near} with another
 * metric (or a zero query vector under cosine, or a top-k beyond Milvus' 16384) scans the filtered
 * rows and ranks them exactly. Ordering, offset and limit are applied to the fetched rows; Milvus
 * queries cannot sort. A filter holding a value Milvus cannot spell exactly is evaluated here on
 * scanned rows instead.
 */
record MilvusFragments(MilvusReader reader, Metric indexMetric) {

    /** Milvus' largest search limit. */
    static final int MAX_SEARCH_LIMIT = 16384;

    List<Hit> execute(MilvusCollection collection, Fragment fragment) {
        Set<String> needed = new LinkedHashSet<>(fragment.columns());
        for (SortKey key : fragment.order()) {
            needed.add(key.field());
        }
        String serverFilter = null;
        Expr engineFilter = null;
        if (fragment.filter() != null) {
            Optional<String> compiled = MilvusExpressions.compile(fragment.filter(), collection);
            if (compiled.isPresent()) {
                serverFilter = compiled.get();
            } else {
                engineFilter = fragment.filter();
                for (Expr.Leaf leaf : engineFilter.leaves()) {
                    needed.add(leaf.field());
                }
            }
        }
        NearSpec near = fragment.near();
        List<Map<String, Object>> rows;
        if (near == null) {
            rows = scan(collection, serverFilter, fragment.candidates(), collection.outputFields(needed));
        } else {
            needed.add(near.field());
            String eligible = MilvusExpressions.and(serverFilter, MilvusNames.presenceFlag(near.field()) + " == true");
            List<String> outputs = collection.outputFields(needed);
            rows = engineFilter == null && searchable(near)
                    ? search(collection, near, eligible, fragment.candidates(), outputs)
                    : scan(collection, eligible, fragment.candidates(), outputs);
        }
        return RowScan.execute(rows, new Fragment(engineFilter, near, null, fragment.order(), fragment.offset(),
                fragment.limit(), fragment.columns()));
    }

    /** Whether a Milvus search ranks exactly like the engine for this near. */
    boolean searchable(NearSpec near) {
        return near.metric() == indexMetric && near.topK() <= MAX_SEARCH_LIMIT
                && !(near.metric() == Metric.COSINE && isZero(near.vector()));
    }

    /** How many hits a search asks for: a margin beyond top-k for exact re-ranking at the cut. */
    static int searchLimit(int topK) {
        return (int) Math.min(MAX_SEARCH_LIMIT, 2L * topK + 10);
    }

    private List<Map<String, Object>> search(MilvusCollection collection, NearSpec near, String filter,
            Set<String> candidates, List<String> outputs) {
        int limit = searchLimit(near.topK());
        if (candidates == null) {
            return reader.search(collection, near.field(), near.vector(), limit, filter, outputs);
        }
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        for (List<String> chunk : Chunks.of(candidates, MilvusReader.ID_CHUNK)) {
            String restricted = MilvusExpressions.and(filter, MilvusExpressions.idIn(chunk));
            for (Map<String, Object> row : reader.search(collection, near.field(), near.vector(), limit, restricted,
                    outputs)) {
                merged.put((String) row.get(Names.OBJECT_ID), row);
            }
        }
        return new ArrayList<>(merged.values());
    }

    private List<Map<String, Object>> scan(MilvusCollection collection, String filter, Set<String> candidates,
            List<String> outputs) {
        if (candidates == null) {
            return reader.scan(collection, filter, outputs);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(reader.byIds(collection, candidates, filter, outputs).values());
    }

    private static boolean isZero(float[] vector) {
        for (float component : vector) {
            if (component != 0f) {
                return false;
            }
        }
        return true;
    }
}
