package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.BackendException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.InputLimits;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.FilterBudget;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.BackendBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Chroma server (v2 REST API) as a HeavenBase backend: one collection per entity part in the
 * configured tenant and database (both created when missing), record id = object_id, the
 * {@code VectorIndex} field as the embedding and every stored field as metadata
 * ({@link MetadataCodec}). Filters run as {@code where} clauses ({@link WhereTranslator}), near
 * queries as described in {@link FragmentExecutor}. Collection ids are cached by name; a collection
 * dropped by another client is looked up again once.
 */
public final class ChromaBackend extends BackendBase {

    /** Records written per request (Chroma 1.0 accepts up to 5461). */
    static final int WRITE_BATCH = 1000;

    private final String prefix;
    private final String prefixProperty;
    private final ChromaApi api;
    private final ObjectMapper json;
    private final FragmentExecutor executor;
    private final Map<String, String> collectionIds = new ConcurrentHashMap<>();
    private final AtomicBoolean databaseReady = new AtomicBoolean();

    /**
     * Chroma runs a where clause as SQLite SQL, nesting one level per ANDed or ORed condition, and
     * SQLite stops at depth 1,000: fragments stay at 100 terms, the engine splits bigger filters.
     */
    private static final FilterBudget BUDGET = new FilterBudget(100, InputLimits.MAX_FILTER_DEPTH);

    ChromaBackend(String name, String prefix, String prefixProperty, CapabilityTable capabilities, ChromaApi api,
            ObjectMapper json, int exactNearLimit) {
        super(name, ChromaProvider.TYPE, capabilities, BUDGET);
        this.prefix = prefix;
        this.prefixProperty = prefixProperty;
        this.api = api;
        this.json = json;
        this.executor = new FragmentExecutor(api, exactNearLimit);
    }

    @Override
    public void ensure(EntityLayout layout) {
        ChromaPart part = part(layout);
        collectionIds.remove(part.collection());
        create(part);
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ChromaPart part = part(layout);
        String operation = "upsert into " + layout.entityId();
        List<String> ids = new ArrayList<>(rows.size());
        List<float[]> embeddings = new ArrayList<>(rows.size());
        List<ObjectNode> metadatas = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Object id = row.get(Names.OBJECT_ID);
            if (!(id instanceof String)) {
                throw new BackendException(name(), operation,
                        "a row has no String object_id (got " + Names.shorten(id) + ")", null);
            }
            ids.add((String) id);
            embeddings.add(part.embedding(part.indexedVector() == null ? null : row.get(part.indexedVector().name())));
            metadatas.add(part.codec().encode((String) id, row, part.indexedVector()));
        }
        onCollection(part, true, collectionId -> {
            for (int from = 0; from < ids.size(); from += WRITE_BATCH) {
                int to = Math.min(ids.size(), from + WRITE_BATCH);
                api.upsert(collectionId, ids.subList(from, to), embeddings.subList(from, to),
                        metadatas.subList(from, to), operation);
            }
            return null;
        }, () -> null);
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        if (ids.isEmpty()) {
            return new LinkedHashMap<>();
        }
        ChromaPart part = part(layout);
        String operation = "fetch from " + layout.entityId();
        return onCollection(part, false, collectionId -> {
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            executor.pages(collectionId, null, new ArrayList<>(new LinkedHashSet<>(ids)), true, operation,
                    page -> {
                        for (int i = 0; i < page.size(); i++) {
                            String id = page.ids().get(i);
                            out.put(id, part.codec().decode(id, page.metadatas().get(i), fields));
                        }
                    });
            return out;
        }, LinkedHashMap::new);
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ChromaPart part = part(layout);
        String operation = "delete from " + layout.entityId();
        List<String> all = new ArrayList<>(ids);
        onCollection(part, false, collectionId -> {
            for (int from = 0; from < all.size(); from += WRITE_BATCH) {
                api.delete(collectionId, all.subList(from, Math.min(all.size(), from + WRITE_BATCH)), operation);
            }
            return null;
        }, () -> null);
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        ChromaPart part = part(layout);
        return onCollection(part, false,
                collectionId -> executor.execute(collectionId, part, fragment, "query " + layout.entityId()),
                List::of);
    }

    @Override
    public long count(EntityLayout layout) {
        ChromaPart part = part(layout);
        return onCollection(part, false, collectionId -> api.count(collectionId, "count " + layout.entityId()),
                () -> 0L);
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        ChromaPart part = part(layout);
        String operation = "list ids of " + layout.entityId();
        return onCollection(part, false, collectionId -> {
            Set<String> ids = new HashSet<>();
            executor.pages(collectionId, null, null, false, operation, page -> ids.addAll(page.ids()));
            return ids;
        }, HashSet::new);
    }

    @Override
    public void drop(EntityLayout layout) {
        ChromaPart part = part(layout);
        collectionIds.remove(part.collection());
        api.deleteCollection(part.collection());
    }

    @Override
    public void refresh() {
        collectionIds.clear();
    }

    @Override
    public void ping() {
        api.heartbeat();
    }

    @Override
    public void close() {
        // The JDK HTTP client of Java 17 holds no resource that needs closing; forget cached ids only.
        collectionIds.clear();
    }

    private ChromaPart part(EntityLayout layout) {
        return ChromaPart.of(name(), layout, prefix, prefixProperty, json);
    }

    private String create(ChromaPart part) {
        if (databaseReady.compareAndSet(false, true)) {
            try {
                api.ensureDatabase();
            } catch (RuntimeException e) {
                databaseReady.set(false);
                throw e;
            }
        }
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("hb:entity", part.layout().entityId());
        String id = api.createCollection(part.collection(), metadata);
        collectionIds.put(part.collection(), id);
        return id;
    }

    /** The cached id, else looked up (or created when {@code create}); null when missing. */
    private String resolve(ChromaPart part, boolean create) {
        String cached = collectionIds.get(part.collection());
        if (cached != null) {
            return cached;
        }
        if (create) {
            return create(part);
        }
        Optional<String> found = api.collectionId(part.collection());
        found.ifPresent(id -> collectionIds.put(part.collection(), id));
        return found.orElse(null);
    }

    /**
     * Runs {@code action} on the part's collection; {@code missing} answers when it does not exist
     * (and is not to be created). A cached id the server no longer knows is looked up again once.
     */
    private <T> T onCollection(ChromaPart part, boolean create, Function<String, T> action, Supplier<T> missing) {
        String id = resolve(part, create);
        if (id == null) {
            return missing.get();
        }
        try {
            return action.apply(id);
        } catch (CollectionGoneException gone) {
            collectionIds.remove(part.collection(), id);
            String again = resolve(part, create);
            if (again == null) {
                return missing.get();
            }
            return action.apply(again);
        }
    }
}
