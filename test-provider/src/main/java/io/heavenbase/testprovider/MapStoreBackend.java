package io.heavenbase.testprovider;

import io.heavenbase.BackendException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.query.ValueCopy;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.RowScan;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows of each entity part in a map keyed by object_id; queries run through the SPI's {@link RowScan}. At most
 * {@code capacity} rows per part: a write beyond it fails, which shows the configured key reached the backend.
 */
public final class MapStoreBackend implements Backend {

    private final String name;
    private final String prefix;
    private final int capacity;
    private final Map<String, Map<String, Map<String, Object>>> parts = new ConcurrentHashMap<>();

    MapStoreBackend(String name, String prefix, int capacity) {
        this.name = name;
        this.prefix = prefix;
        this.capacity = capacity;
    }

    /** The most rows one entity part holds ({@code capacity}). */
    public int capacity() {
        return capacity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return MapStoreProvider.TYPE;
    }

    @Override
    public CapabilityTable capabilities() {
        return MapStoreProvider.CAPABILITIES;
    }

    @Override
    public void ensure(EntityLayout layout) {
        rows(layout);
    }

    @Override
    public synchronized void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> stored = rows(layout);
        Map<String, Map<String, Object>> prepared = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            if (!(row.get(Names.OBJECT_ID) instanceof String id)) {
                throw new BackendException(name, "upsert into " + layout.entityId(), "a row has no String object_id",
                        null);
            }
            Map<String, Object> copy = new HashMap<>();
            for (StoredField field : layout.fields()) {
                Object value = row.get(field.name());
                if (value != null) {
                    copy.put(field.name(), ValueCopy.of(value));
                }
            }
            copy.put(Names.OBJECT_ID, id);
            prepared.put(id, Map.copyOf(copy));
        }
        long added = prepared.keySet().stream().filter(id -> !stored.containsKey(id)).count();
        if (stored.size() + added > capacity) {
            throw new BackendException(name, "upsert into " + layout.entityId(), "capacity " + capacity
                    + " rows exceeded", null);
        }
        stored.putAll(prepared);
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        Map<String, Map<String, Object>> stored = rows(layout);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String id : ids) {
            Map<String, Object> row = stored.get(id);
            if (row != null) {
                Map<String, Object> values = new HashMap<>();
                for (String field : fields) {
                    values.put(field, ValueCopy.of(row.get(field)));
                }
                values.put(Names.OBJECT_ID, id);
                out.put(id, values);
            }
        }
        return out;
    }

    @Override
    public synchronized void delete(EntityLayout layout, Collection<String> ids) {
        rows(layout).keySet().removeAll(ids);
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        return RowScan.execute(Map.copyOf(rows(layout)), fragment);
    }

    @Override
    public long count(EntityLayout layout) {
        return rows(layout).size();
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        return Set.copyOf(rows(layout).keySet());
    }

    @Override
    public void drop(EntityLayout layout) {
        parts.remove(layout.physicalName(prefix));
    }

    @Override
    public void ping() {
        // Memory is always reachable.
    }

    @Override
    public void close() {
        parts.clear();
    }

    private Map<String, Map<String, Object>> rows(EntityLayout layout) {
        return parts.computeIfAbsent(layout.physicalName(prefix), key -> new ConcurrentHashMap<>());
    }
}
