package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.BackendException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Chroma v2 REST calls this backend uses, scoped to one tenant and database. Collections are
 * created by name and then addressed by their id; a call on an id that the server no longer knows
 * throws {@link CollectionGoneException}. Tenant and database names have passed
 * {@link ChromaProvider}'s validation, collection names {@link ChromaCollectionName}, so they are
 * safe as path segments.
 */
record ChromaApi(ChromaHttp http, String tenant, String database) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    void heartbeat() {
        http.call("GET", "/heartbeat", null, "ping");
    }

    /** Creates the tenant and the database when they do not exist yet. */
    void ensureDatabase() {
        String operation = "create tenant '" + tenant + "' and database '" + database + "'";
        if (http.send("GET", "/tenants/" + tenant, null, operation).notFound()) {
            createToleratingConflict("/tenants", tenant, operation);
        }
        if (http.send("GET", databasePath(), null, operation).notFound()) {
            createToleratingConflict("/tenants/" + tenant + "/databases", database, operation);
        }
    }

    Optional<String> collectionId(String name) {
        String operation = "look up collection '" + name + "'";
        ChromaHttp.Response response = http.send("GET", collectionsPath() + "/" + name, null, operation);
        if (response.notFound()) {
            return Optional.empty();
        }
        if (!response.ok()) {
            throw http.failure(response, operation);
        }
        return Optional.of(response.body().path("id").asText());
    }

    /** Gets or creates the collection (cosine HNSW space) and returns its id. */
    String createCollection(String name, ObjectNode metadata) {
        ObjectNode body = NODES.objectNode();
        body.put("name", name);
        body.put("get_or_create", true);
        body.putObject("configuration").putObject("hnsw").put("space", "cosine");
        body.set("metadata", metadata);
        return http.call("POST", collectionsPath(), body, "create collection '" + name + "'").path("id").asText();
    }

    /** Deletes the collection; false when it did not exist. */
    boolean deleteCollection(String name) {
        String operation = "drop collection '" + name + "'";
        ChromaHttp.Response response = http.send("DELETE", collectionsPath() + "/" + name, null, operation);
        if (response.notFound()) {
            return false;
        }
        if (!response.ok()) {
            throw http.failure(response, operation);
        }
        return true;
    }

    void upsert(String collectionId, List<String> ids, List<float[]> embeddings, List<ObjectNode> metadatas,
            String operation) {
        ObjectNode body = NODES.objectNode();
        body.set("ids", strings(ids));
        ArrayNode vectors = body.putArray("embeddings");
        for (float[] embedding : embeddings) {
            ArrayNode vector = vectors.addArray();
            for (float component : embedding) {
                vector.add(component);
            }
        }
        ArrayNode metadataArray = body.putArray("metadatas");
        metadatas.forEach(metadataArray::add);
        onCollection(collectionId, "/upsert", body, operation);
    }

    /**
     * Records matching {@code where} (all when null) among {@code ids} (all when null), a page of
     * {@code limit} (all when null) from {@code offset}, with their metadata when asked.
     */
    ChromaRecords get(String collectionId, Collection<String> ids, JsonNode where, boolean withMetadata,
            Integer limit, int offset, String operation) {
        ObjectNode body = NODES.objectNode();
        if (ids != null) {
            body.set("ids", strings(ids));
        }
        if (where != null) {
            body.set("where", where);
        }
        if (limit != null) {
            body.put("limit", limit);
            body.put("offset", offset);
        }
        ArrayNode include = body.putArray("include");
        if (withMetadata) {
            include.add("metadatas");
        }
        JsonNode answer = onCollection(collectionId, "/get", body, operation);
        return records(answer.path("ids"), answer.path("metadatas"));
    }

    /** The {@code n} records nearest to {@code vector} in the collection's HNSW index, with metadata. */
    ChromaRecords query(String collectionId, float[] vector, int n, Collection<String> ids, JsonNode where,
            String operation) {
        ObjectNode body = NODES.objectNode();
        ArrayNode query = body.putArray("query_embeddings").addArray();
        for (float component : vector) {
            query.add(component);
        }
        body.put("n_results", n);
        if (ids != null) {
            body.set("ids", strings(ids));
        }
        if (where != null) {
            body.set("where", where);
        }
        body.putArray("include").add("metadatas");
        JsonNode answer = onCollection(collectionId, "/query", body, operation);
        return records(answer.path("ids").path(0), answer.path("metadatas").path(0));
    }

    void delete(String collectionId, Collection<String> ids, String operation) {
        ObjectNode body = NODES.objectNode();
        body.set("ids", strings(ids));
        onCollection(collectionId, "/delete", body, operation);
    }

    long count(String collectionId, String operation) {
        ChromaHttp.Response response = http.send("GET", collectionsPath() + "/" + collectionId + "/count", null,
                operation);
        return checked(response, collectionId, operation).asLong();
    }

    private JsonNode onCollection(String collectionId, String action, JsonNode body, String operation) {
        ChromaHttp.Response response = http.send("POST", collectionsPath() + "/" + collectionId + action, body,
                operation);
        return checked(response, collectionId, operation);
    }

    private JsonNode checked(ChromaHttp.Response response, String collectionId, String operation) {
        if (response.notFound()) {
            throw new CollectionGoneException(http.backendName(), operation, collectionId);
        }
        if (!response.ok()) {
            throw http.failure(response, operation);
        }
        return response.body();
    }

    private void createToleratingConflict(String path, String name, String operation) {
        ObjectNode body = NODES.objectNode().put("name", name);
        ChromaHttp.Response response = http.send("POST", path, body, operation);
        // 409: another client created it between our look-up and this call.
        if (!response.ok() && response.status() != 409) {
            throw http.failure(response, operation);
        }
    }

    private String databasePath() {
        return "/tenants/" + tenant + "/databases/" + database;
    }

    private String collectionsPath() {
        return databasePath() + "/collections";
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private ChromaRecords records(JsonNode ids, JsonNode metadatas) {
        if (!ids.isArray()) {
            throw new BackendException(http.backendName(), "read records", "Chroma answered without ids", null);
        }
        List<String> idList = new ArrayList<>(ids.size());
        List<JsonNode> metadataList = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            idList.add(ids.get(i).asText());
            metadataList.add(metadatas.isArray() ? metadatas.get(i) : NODES.nullNode());
        }
        return new ChromaRecords(idList, metadataList);
    }
}
