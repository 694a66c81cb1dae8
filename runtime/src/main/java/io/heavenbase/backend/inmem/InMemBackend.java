package io.heavenbase.backend.inmem;

import io.heavenbase.BackendException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.query.ValueCopy;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.SearchFragment;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.BackendBase;
import io.heavenbase.spi.support.Bm25;
import io.heavenbase.spi.support.Projection;
import io.heavenbase.spi.support.RowScan;
import io.heavenbase.spi.support.VectorColumn;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows of each entity part in a concurrent map keyed by object_id, under the entity's physical name
 * (with this backend's prefix). Every stored row is an unmodifiable map built from defensive copies
 * and replaced as a whole, so readers running alongside a write see either the old or the new row,
 * never a mix; values handed out are copies too. Null values are not stored (absent means null).
 * A near scans a {@link VectorColumn} snapshot of the table's vectors, a search ranks over a {@link TermIndex}
 * snapshot of the field's terms (BM25 as Lucene computes it), each rebuilt on first use after a write.
 */
final class InMemBackend extends BackendBase {

    private final String prefix;
    private final Map<String, Map<String, Map<String, Object>>> entities = new ConcurrentHashMap<>();
    private final Map<String, TableSnapshots> snapshots = new ConcurrentHashMap<>();

    InMemBackend(String name, String prefix, CapabilityTable capabilities) {
        super(name, InMemProvider.TYPE, capabilities);
        this.prefix = prefix;
    }

    @Override
    public void ensure(EntityLayout layout) {
        rows(layout);
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> stored = rows(layout);
        Map<String, Map<String, Object>> prepared = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Object id = row.get(Names.OBJECT_ID);
            if (!(id instanceof String)) {
                throw new BackendException(name(), "upsert into " + layout.entityId(),
                        "a row has no String object_id (got " + Names.shorten(id) + ")", null);
            }
            prepared.put((String) id, copyIn((String) id, layout, row));
        }
        snapshots(layout).write(() -> stored.putAll(prepared));
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        return Projection.of(ids, rows(layout), fields, ValueCopy::of);
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        Map<String, Map<String, Object>> stored = rows(layout);
        snapshots(layout).write(() -> {
            for (String id : ids) {
                stored.remove(id);
            }
        });
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        Map<String, Map<String, Object>> rows = rows(layout);
        if (fragment.near() != null) {
            VectorColumn column = snapshots(layout).column(fragment.near().field(), rows::values);
            if (column != null) {
                return RowScan.nearest(column, fragment);
            }
        }
        return RowScan.execute(rows, fragment);
    }

    /**
     * BM25 over the field's {@link TermIndex}, kept until the next write; the filter is the engine's evaluator on the
     * stored rows of the documents holding a query term, so the same rows are eligible as in {@link #execute}.
     */
    @Override
    public List<Hit> search(EntityLayout layout, SearchFragment search) {
        Map<String, Map<String, Object>> rows = rows(layout);
        StoredField field = layout.field(search.field());
        TermIndex index = snapshots(layout).terms(search.field(), rows::values, Bm25.analyzer(field));
        if (search.filter() == null && search.candidates() == null) {
            return index.top(search, id -> true);
        }
        // only the documents holding a query term are checked, not the whole table
        Fragment eligibility = Fragment.filter(search.filter(), search.candidates());
        return index.top(search, id -> {
            Map<String, Object> row = rows.get(id);
            return row != null && RowScan.selects(row, eligibility);
        });
    }

    @Override
    public long count(EntityLayout layout) {
        return rows(layout).size();
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        return new HashSet<>(rows(layout).keySet());
    }

    @Override
    public void drop(EntityLayout layout) {
        snapshots(layout).write(() -> entities.remove(layout.physicalName(prefix)));
        snapshots.remove(layout.physicalName(prefix));
    }

    @Override
    public void ping() {
        // Memory is always reachable.
    }

    @Override
    public void close() {
        entities.clear();
        snapshots.clear();
    }

    /** Physical names of the entity parts held now (prefix included). */
    Set<String> physicalNames() {
        return new HashSet<>(entities.keySet());
    }

    private Map<String, Map<String, Object>> rows(EntityLayout layout) {
        return entities.computeIfAbsent(layout.physicalName(prefix), key -> new ConcurrentHashMap<>());
    }

    /** Snapshots of the part's vector and text fields, dropped by every write to the part. */
    TableSnapshots snapshots(EntityLayout layout) {
        return snapshots.computeIfAbsent(layout.physicalName(prefix), key -> new TableSnapshots());
    }

    private static Map<String, Object> copyIn(String id, EntityLayout layout, Map<String, Object> row) {
        Map<String, Object> copy = new HashMap<>();
        for (StoredField field : layout.fields()) {
            Object value = row.get(field.name());
            if (value != null) {
                copy.put(field.name(), ValueCopy.of(value));
            }
        }
        copy.put(Names.OBJECT_ID, id);
        return Collections.unmodifiableMap(copy);
    }
}
