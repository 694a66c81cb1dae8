package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.FilterBudget;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.SearchFragment;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.BackendBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Elasticsearch or OpenSearch cluster under a workspace backend name; one index per entity
 * part named {@code prefix + entity id} ('-' as '_'). Writes go through {@code _bulk} and are
 * visible to the next read (the last request of a write refreshes the index); a write that fails
 * for some documents names the index and the first failure, the others having been applied (the
 * server has no transactions). Reads of an index that does not exist see no rows.
 */
final class ElasticsearchBackend extends BackendBase {

    /** Hits per search request: the server's default {@code index.max_result_window}. */
    static final int PAGE_SIZE = 10_000;
    private static final int BULK_DOCUMENTS = 1_000;
    private static final int BULK_CHARS = 8 * 1024 * 1024;
    private static final int FETCH_IDS = 1_000;
    /**
     * The server refuses a query of more than 1,024 clauses (a leaf can take three: {@code ne} is a
     * negated term, a float zero two ranges), and builds an automaton per text range whose bound may
     * not pass about 1,000 UTF-8 bytes: fragments stay at 250 terms, depth 20, and text range bounds
     * of 200 characters; the engine splits or evaluates the rest.
     */
    private static final FilterBudget BUDGET = new FilterBudget(250, 20, 200);

    private final String prefix;
    private final SearchClient client;
    private final FragmentSearch search;
    /** Indexes this instance created or checked; a write to any other is ensured first. */
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();
    private volatile Distribution distribution;

    private ElasticsearchBackend(String name, String prefix, CapabilityTable capabilities, SearchClient client,
            int pageSize) {
        super(name, ElasticsearchProvider.TYPE, capabilities, BUDGET);
        this.prefix = prefix;
        this.client = client;
        this.search = new FragmentSearch(client, pageSize);
    }

    static ElasticsearchBackend open(BackendConfig config, CapabilityTable capabilities) {
        return open(config, capabilities, PAGE_SIZE);
    }

    /** With a smaller search page, so tests reach the {@code search_after} path with little data. */
    static ElasticsearchBackend open(BackendConfig config, CapabilityTable capabilities, int pageSize) {
        String prefix = config.prefix();
        if (!prefix.equals(prefix.toLowerCase(Locale.ROOT)) || prefix.startsWith("_")) {
            throw new ConfigurationException(config.property("prefix"), "invalid " + config.property("prefix")
                    + " '" + prefix + "' for an elasticsearch backend: index names need lower-case letters, digits"
                    + " and '_', not starting with '_'");
        }
        ClientSettings settings = ClientSettings.from(config);
        SearchClient client = new SearchClient(config.backendName(), settings.client(), !settings.borrowsClient(),
                settings.target());
        return new ElasticsearchBackend(config.backendName(), prefix, capabilities, client, pageSize);
    }

    @Override
    public void ensure(EntityLayout layout) {
        String index = index(layout);
        String operation = "ensure index '" + index + "'";
        Distribution server = distribution();
        if (!client.indexExists(index, operation)) {
            JsonNode created = client.sendUnless("PUT", "/" + index, IndexMapping.createBody(layout, server), operation,
                    "resource_already_exists_exception");
            if (created != null) {
                ensured.add(index);
                return;
            }
        }
        client.send("PUT", "/" + index + "/_mapping", IndexMapping.putMappingBody(layout, server), operation);
        ensured.add(index);
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        String index = index(layout);
        String operation = "upsert into index '" + index + "'";
        if (!ensured.contains(index)) {
            // The server would otherwise create a missing index on the fly with guessed field types.
            ensure(layout);
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Object id = row.get(Names.OBJECT_ID);
            if (!(id instanceof String)) {
                throw new BackendException(name(), operation, "a row has no String object_id (got "
                        + Names.shorten(id) + ")", null);
            }
            ObjectNode action = SearchClient.object();
            action.putObject("index").put("_id", (String) id);
            ObjectNode document;
            try {
                document = DocumentCodec.document(layout, (String) id, row);
            } catch (ArithmeticException e) {
                throw new BackendException(name(), operation, "row '" + id + "' holds a value out of range: "
                        + e.getMessage(), e);
            }
            lines.add(client.line(action, operation) + client.line(document, operation));
        }
        bulk(index, lines, operation, null);
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        String index = index(layout);
        String operation = "fetch from index '" + index + "'";
        List<String> stored = new ArrayList<>();
        for (String field : fields) {
            if (layout.has(field)) {
                stored.add(field);
            }
        }
        String path = "/" + index + "/_mget" + (stored.isEmpty() ? "?_source=false"
                : "?_source_includes=" + String.join(",", stored));
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += FETCH_IDS) {
            ObjectNode body = SearchClient.object();
            ArrayNode chunk = body.putArray("ids");
            all.subList(from, Math.min(all.size(), from + FETCH_IDS)).forEach(chunk::add);
            JsonNode response = client.sendUnlessIndexMissing("POST", path, body, operation);
            if (response == null) {
                return out;
            }
            for (JsonNode document : response.path("docs")) {
                if (document.path("found").asBoolean(false)) {
                    out.put(document.path("_id").asText(), values(layout, fields, document));
                }
            }
        }
        return out;
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        String index = index(layout);
        String operation = "delete from index '" + index + "'";
        List<String> lines = new ArrayList<>(ids.size());
        for (String id : ids) {
            ObjectNode action = SearchClient.object();
            action.putObject("delete").put("_id", id);
            lines.add(client.line(action, operation));
        }
        bulk(index, lines, operation, "index_not_found_exception");
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        String index = index(layout);
        try {
            return search.execute(index, layout, fragment, fragment.near() == null ? null : distribution());
        } catch (IllegalArgumentException e) {
            throw new BackendException(name(), "search index '" + index + "'", e.getMessage(), e);
        }
    }

    @Override
    public List<Hit> search(EntityLayout layout, SearchFragment fragment) {
        String index = index(layout);
        try {
            return SearchTerms.search(client, index, layout, fragment);
        } catch (IllegalArgumentException e) {
            throw new BackendException(name(), "search index '" + index + "'", e.getMessage(), e);
        }
    }

    @Override
    public long count(EntityLayout layout) {
        String index = index(layout);
        JsonNode response = client.sendUnlessIndexMissing("GET", "/" + index + "/_count", null,
                "count index '" + index + "'");
        return response == null ? 0 : response.path("count").asLong();
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        return search.ids(index(layout));
    }

    @Override
    public void drop(EntityLayout layout) {
        String index = index(layout);
        ensured.remove(index);
        client.sendUnlessIndexMissing("DELETE", "/" + index, null, "drop index '" + index + "'");
    }

    @Override
    public void refresh() {
        ensured.clear();
        distribution = null;
    }

    @Override
    public void ping() {
        distribution = Distribution.of(client.send("GET", "/", null, "ping"));
    }

    @Override
    public void close() {
        client.close();
    }

    /** The index name of an entity part: prefix + entity id with '-' as '_' (all lower-case). */
    String index(EntityLayout layout) {
        return layout.physicalName(prefix);
    }

    private Distribution distribution() {
        Distribution known = distribution;
        if (known == null) {
            known = Distribution.of(client.send("GET", "/", null, "read the server version"));
            distribution = known;
        }
        return known;
    }

    private Map<String, Object> values(EntityLayout layout, Collection<String> fields, JsonNode document) {
        JsonNode source = document.path("_source");
        Map<String, Object> values = new HashMap<>();
        for (String field : fields) {
            StoredField stored = layout.field(field);
            values.put(field, stored == null ? null : DocumentCodec.decode(stored.dtype(), source.get(field)));
        }
        values.put(Names.OBJECT_ID, document.path("_id").asText());
        return values;
    }

    /**
     * Sends the bulk lines in chunks, the last one refreshing the index; fails naming the first
     * rejected document unless its error type is {@code tolerated}.
     */
    private void bulk(String index, List<String> lines, String operation, String tolerated) {
        BackendException firstFailure = null;
        int from = 0;
        while (from < lines.size()) {
            StringBuilder body = new StringBuilder();
            int to = from;
            while (to < lines.size() && to - from < BULK_DOCUMENTS
                    && (to == from || body.length() + lines.get(to).length() <= BULK_CHARS)) {
                body.append(lines.get(to));
                to++;
            }
            String refresh = to == lines.size() ? "true" : "false";
            JsonNode response = client.sendNdjson("/" + index + "/_bulk?refresh=" + refresh, body.toString(), operation);
            if (firstFailure == null && response.path("errors").asBoolean(false)) {
                firstFailure = firstItemFailure(response, operation, tolerated);
            }
            from = to;
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    private BackendException firstItemFailure(JsonNode response, String operation, String tolerated) {
        for (JsonNode item : response.path("items")) {
            JsonNode result = item.elements().hasNext() ? item.elements().next() : item;
            JsonNode error = result.path("error");
            if (error.isObject() && !error.path("type").asText().equals(tolerated)) {
                String message = "document '" + result.path("_id").asText() + "' rejected: "
                        + error.path("type").asText() + ": " + error.path("reason").asText();
                JsonNode cause = error.path("caused_by");
                if (cause.has("reason")) {
                    message += " (caused by " + cause.path("type").asText() + ": " + cause.path("reason").asText() + ")";
                }
                return new BackendException(name(), operation, message, null);
            }
        }
        return null;
    }
}
