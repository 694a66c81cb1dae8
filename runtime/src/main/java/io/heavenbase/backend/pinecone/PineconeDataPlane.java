package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The data-plane requests of one index: upsert, query, fetch, delete, list and stats. Bodies are
 * built as JSON trees and every text that goes into a URL is percent-encoded.
 */
record PineconeDataPlane(PineconeHttp http, PineconeIndex index) {

    /** Records per upsert request (Pinecone allows 1000 and 2 MB). */
    static final int UPSERT_BATCH = 100;
    /** Ids per fetch (they travel in the URL). */
    static final int FETCH_BATCH = 50;
    /** Ids per delete request. */
    static final int DELETE_BATCH = 1000;
    /** Ids per list page. */
    static final int LIST_PAGE = 100;
    /** Pinecone's largest topK, and its largest when values or metadata are included. */
    static final int MAX_TOP_K = 10_000;
    static final int MAX_TOP_K_WITH_DATA = 1_000;

    private ObjectMapper json() {
        return http.json();
    }

    void upsert(String namespace, List<ObjectNode> records) {
        ObjectNode body = json().createObjectNode();
        body.putArray("vectors").addAll(records);
        body.put("namespace", namespace);
        http.post(index.resolve("/vectors/upsert"), body, "upsert into namespace " + namespace);
    }

    /**
     * The matches of a query, best first: each with id, score and, when asked, values and metadata.
     * A filter of {@link PineconeFilter#ALL} sends none.
     */
    List<JsonNode> query(String namespace, float[] vector, int topK, PineconeFilter filter, boolean includeData) {
        ObjectNode body = json().createObjectNode();
        body.put("namespace", namespace);
        body.put("topK", topK);
        ArrayNode values = body.putArray("vector");
        for (float component : vector) {
            values.add(component);
        }
        if (filter.node() != null) {
            body.set("filter", filter.node());
        }
        body.put("includeValues", includeData);
        body.put("includeMetadata", includeData);
        List<JsonNode> out = new ArrayList<>();
        http.post(index.resolve("/query"), body, "query namespace " + namespace).path("matches").forEach(out::add);
        return out;
    }

    /** The records with these ids (at most {@link #FETCH_BATCH}); unknown ids are absent. */
    List<JsonNode> fetch(String namespace, Collection<String> ids) {
        StringBuilder path = new StringBuilder("/vectors/fetch?namespace=").append(encode(namespace));
        for (String id : ids) {
            path.append("&ids=").append(encode(id));
        }
        List<JsonNode> out = new ArrayList<>();
        http.get(index.resolve(path.toString()), "fetch from namespace " + namespace).path("vectors")
                .forEach(out::add);
        return out;
    }

    void delete(String namespace, Collection<String> ids) {
        ObjectNode body = json().createObjectNode();
        ArrayNode list = body.putArray("ids");
        ids.forEach(list::add);
        body.put("namespace", namespace);
        http.post(index.resolve("/vectors/delete"), body, "delete from namespace " + namespace);
    }

    /** Deletes every record of the namespace; a namespace that does not exist is already empty. */
    void deleteAll(String namespace) {
        ObjectNode body = json().createObjectNode();
        body.put("deleteAll", true);
        body.put("namespace", namespace);
        http.postIfFound(index.resolve("/vectors/delete"), body, "delete namespace " + namespace);
    }

    /** The record count of a namespace (0 when Pinecone does not list it). */
    long count(String namespace) {
        JsonNode stats = stats("count namespace " + namespace);
        return stats.path("namespaces").path(namespace).path("vectorCount").asLong(0);
    }

    /** The index statistics, which also carry the dimension. */
    JsonNode stats(String operation) {
        return http.post(index.resolve("/describe_index_stats"), json().createObjectNode(), operation);
    }

    /** One page of record ids of a namespace, with the token of the next page (null at the end). */
    IdPage list(String namespace, String paginationToken) {
        StringBuilder path = new StringBuilder("/vectors/list?namespace=").append(encode(namespace))
                .append("&limit=").append(LIST_PAGE);
        if (paginationToken != null) {
            path.append("&paginationToken=").append(encode(paginationToken));
        }
        JsonNode answer = http.get(index.resolve(path.toString()), "list ids of namespace " + namespace);
        List<String> ids = new ArrayList<>();
        answer.path("vectors").forEach(vector -> ids.add(vector.path("id").asText()));
        String next = answer.path("pagination").path("next").asText("");
        return new IdPage(ids, next.isEmpty() ? null : next);
    }

    /** A page of ids and the token of the next one. */
    record IdPage(List<String> ids, String next) {
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
