package io.heavenbase.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The baselines' own index on the search node, spoken to as a developer would without a client library: REST calls
 * with the JDK's HTTP client and Jackson. One shard, no replica; documents keyed by {@code object_id}.
 */
public final class RawSearchIndex implements AutoCloseable {

    private static final int BULK = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String name;
    private final String base;

    private RawSearchIndex(String name) {
        this.name = name;
        this.base = "http://" + Services.elasticsearchHosts().split(",")[0].trim() + "/" + name;
    }

    /**
     * The index {@code name} on the search node, dropped first, with these mapping {@code properties} (a JSON
     * object: field name to mapping).
     */
    public static RawSearchIndex create(String name, String properties) throws IOException, InterruptedException {
        RawSearchIndex index = new RawSearchIndex(name);
        index.send("DELETE", index.base, null, true);
        index.send("PUT", index.base, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
                + "\"mappings\":{\"properties\":" + properties + "}}", false);
        return index;
    }

    /** Indexes the rows (each with its {@code object_id}) in bulk requests, then refreshes the index. */
    public void index(List<Map<String, Object>> rows) throws IOException, InterruptedException {
        for (int from = 0; from < rows.size(); from += BULK) {
            StringBuilder bulk = new StringBuilder();
            for (Map<String, Object> row : rows.subList(from, Math.min(rows.size(), from + BULK))) {
                ObjectNode action = JSON.createObjectNode();
                action.putObject("index").put("_id", (String) row.get("object_id"));
                bulk.append(action).append('\n').append(JSON.writeValueAsString(row)).append('\n');
            }
            send("POST", base + "/_bulk", bulk.toString(), false);
        }
        send("POST", base + "/_refresh", null, false);
    }

    /**
     * The ids of the {@code size} best documents of a {@code match} query of {@code text} on {@code field}, by
     * {@code _score} then {@code object_id}; only among {@code ids} unless that is null.
     */
    public List<String> match(String field, String text, int size, Collection<String> ids)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode match = JSON.createObjectNode();
        match.putObject("match").put(field, text);
        if (ids == null) {
            body.set("query", match);
        } else {
            ObjectNode bool = body.putObject("query").putObject("bool");
            bool.set("must", match);
            ArrayNode terms = bool.putObject("filter").putObject("terms").putArray("object_id");
            ids.forEach(terms::add);
        }
        body.putArray("sort").add(JSON.createObjectNode().put("_score", "desc"))
                .add(JSON.createObjectNode().put("object_id", "asc"));
        body.put("size", size).put("_source", false).put("track_total_hits", false);
        JsonNode response = JSON.readTree(send("POST", base + "/_search", body.toString(), false));
        List<String> found = new ArrayList<>(size);
        response.path("hits").path("hits").forEach(hit -> found.add(hit.path("_id").asText()));
        return found;
    }

    /** Deletes the index. */
    @Override
    public void close() throws IOException, InterruptedException {
        send("DELETE", base, null, true);
    }

    private String send(String method, String uri, String body, boolean missingIsFine)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type",
                uri.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 && !(missingIsFine && response.statusCode() == 404)) {
            throw new IOException(method + " " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        if (uri.endsWith("_bulk") && JSON.readTree(response.body()).path("errors").asBoolean()) {
            throw new IOException("bulk indexing into " + name + " failed: " + response.body());
        }
        return response.body();
    }
}
