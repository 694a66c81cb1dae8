package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.databind.JsonNode;
import io.heavenbase.Metric;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.Chunks;
import io.heavenbase.spi.support.RowScan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a pushed-down {@link Fragment} against one namespace.
 *
 * <p>{@code near} with the index metric is a Pinecone query: the filter (and the candidate ids, as
 * {@code object_id $in} chunks of {@value PineconeReader#ID_CHUNK}) goes in as a metadata filter,
 * which Pinecone applies before the top-k; {@code 2 topK + 10} matches (at most 1000) come back
 * with values and metadata and are re-scored exactly, so scores and tie-breaking are the engine's.
 * A filter Pinecone cannot express is first resolved to ids ({@link PineconeReader#ids}). Another
 * metric, a zero vector under cosine or a topK of 1000 or more ranks the eligible rows here. Without
 * near, ids come from the filter, and ordering, offset and limit are applied here (Pinecone cannot
 * sort).
 */
record PineconeFragments(PineconeReader reader, PineconeDataPlane data, PineconeRecords records, PineconeFilters filters) {

    List<Hit> execute(PineconePart part, Fragment fragment) {
        NearSpec near = fragment.near();
        Fragment rest = new Fragment(null, near, null, fragment.order(), fragment.offset(), fragment.limit(),
                fragment.columns());
        if (near != null && searchable(near)) {
            return RowScan.execute(searched(part, fragment), rest);
        }
        Set<String> ids = fragment.filter() != null ? reader.ids(part, fragment.filter(), fragment.candidates())
                : fragment.candidates() != null ? fragment.candidates() : reader.allIds(part);
        return RowScan.execute(rowsOf(part, ids, needsValues(fragment)), rest);
    }

    /** Whether a Pinecone query ranks exactly like the engine for this near. */
    boolean searchable(NearSpec near) {
        return near.metric() == data.index().metric() && searchLimit(near.topK()) > near.topK()
                && !(near.metric() == Metric.COSINE && isZero(near.vector()));
    }

    /** How many matches a query asks for: a margin beyond top-k for exact re-ranking at the cut. */
    static int searchLimit(int topK) {
        return (int) Math.min(PineconeDataPlane.MAX_TOP_K_WITH_DATA, 2L * topK + 10);
    }

    private List<Map<String, Object>> searched(PineconePart part, Fragment fragment) {
        NearSpec near = fragment.near();
        PineconeFilter filter = PineconeFilter.ALL;
        Set<String> scope = fragment.candidates();
        if (fragment.filter() != null) {
            Optional<PineconeFilter> compiled = filters.compile(fragment.filter(), part);
            if (compiled.isPresent()) {
                filter = compiled.get();
            } else {
                scope = reader.ids(part, fragment.filter(), scope);
            }
        }
        filter = filters.and(filter, filters.flag(PineconePart.HAS_VECTOR, true));
        if (filter.none() || scope != null && scope.isEmpty()) {
            return List.of();
        }
        int limit = searchLimit(near.topK());
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        if (scope == null) {
            collect(part, data.query(part.namespace(), near.vector(), limit, filter, true), rows);
        } else {
            for (List<String> chunk : Chunks.of(scope, PineconeReader.ID_CHUNK)) {
                collect(part, data.query(part.namespace(), near.vector(), limit,
                        filters.and(filter, filters.idIn(chunk)), true), rows);
            }
        }
        return new ArrayList<>(rows.values());
    }

    private void collect(PineconePart part, List<JsonNode> matches, Map<String, Map<String, Object>> rows) {
        for (JsonNode match : matches) {
            Map<String, Object> row = records.row(part, match);
            rows.put((String) row.get(Names.OBJECT_ID), row);
        }
    }

    private List<Map<String, Object>> rowsOf(PineconePart part, Set<String> ids, boolean values) {
        if (values) {
            return new ArrayList<>(reader.rows(part, ids).values());
        }
        List<Map<String, Object>> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Map<String, Object> row = new HashMap<>();
            row.put(Names.OBJECT_ID, id);
            out.add(row);
        }
        return out;
    }

    private static boolean needsValues(Fragment fragment) {
        if (fragment.near() != null) {
            return true;
        }
        for (SortKey key : fragment.order()) {
            if (!key.field().equals(Names.OBJECT_ID)) {
                return true;
            }
        }
        for (String column : fragment.columns()) {
            if (!column.equals(Names.OBJECT_ID)) {
                return true;
            }
        }
        return false;
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
