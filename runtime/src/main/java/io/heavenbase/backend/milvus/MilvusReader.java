package io.heavenbase.backend.milvus;

import io.heavenbase.query.ValueOrder;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.support.Chunks;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads canonical rows out of a collection: by ids (in chunks, so an expression never lists more
 * than {@link #ID_CHUNK} ids), by a keyset scan in object_id order (Milvus caps one query's result
 * window, so a full scan pages with {@code object_id > last}), and by a vector search.
 */
record MilvusReader(MilvusGateway gateway, MilvusRequests requests) {

    /** Ids per {@code object_id in [...]} expression. */
    static final int ID_CHUNK = 1000;
    /** Entities per scan page (Milvus' query window is 16384). */
    static final int SCAN_PAGE = 1000;

    /** Rows with these ids that match {@code filter} (null: all), keyed by id. */
    Map<String, Map<String, Object>> byIds(MilvusCollection collection, Collection<String> ids, String filter,
            List<String> outputFields) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (List<String> chunk : Chunks.of(ids, ID_CHUNK)) {
            for (Map<String, Object> entity : gateway.query(requests.byIds(collection, chunk, filter, outputFields))) {
                Map<String, Object> row = MilvusValues.fromEntity(collection, entity);
                out.put((String) row.get(Names.OBJECT_ID), row);
            }
        }
        return out;
    }

    /** Every row matching {@code filter} (null: all rows). */
    List<Map<String, Object>> scan(MilvusCollection collection, String filter, List<String> outputFields) {
        List<Map<String, Object>> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<Map<String, Object>> page = gateway.query(
                    requests.scanPage(collection, filter, after, outputFields, SCAN_PAGE));
            for (Map<String, Object> entity : page) {
                Map<String, Object> row = MilvusValues.fromEntity(collection, entity);
                out.add(row);
                String id = (String) row.get(Names.OBJECT_ID);
                if (after == null || ValueOrder.compareText(id, after) > 0) {
                    after = id;
                }
            }
            if (page.size() < SCAN_PAGE) {
                return out;
            }
        }
    }

    /** The rows of a vector search, best first by the index metric. */
    List<Map<String, Object>> search(MilvusCollection collection, String field, float[] vector, int limit,
            String filter, List<String> outputFields) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SearchResp.SearchResult hit : gateway.search(
                requests.search(collection, field, vector, limit, filter, outputFields))) {
            Map<String, Object> entity = new LinkedHashMap<>(hit.getEntity());
            entity.put(Names.OBJECT_ID, String.valueOf(hit.getId()));
            out.add(MilvusValues.fromEntity(collection, entity));
        }
        return out;
    }
}
