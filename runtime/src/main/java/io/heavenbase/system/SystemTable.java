package io.heavenbase.system;

import io.heavenbase.BackendException;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** A system entity stored wholly on the workspace's default backend. */
public final class SystemTable {

    private final Backend backend;
    private final EntityLayout layout;

    public SystemTable(Backend backend, EntityLayout layout) {
        this.backend = backend;
        this.layout = layout;
    }

    public Backend backend() {
        return backend;
    }

    public EntityLayout layout() {
        return layout;
    }

    public void upsert(List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            guard("upsert " + layout.entityId(), () -> {
                backend.upsert(layout, rows);
                return null;
            });
        }
    }

    public void delete(Collection<String> ids) {
        if (!ids.isEmpty()) {
            guard("delete " + layout.entityId(), () -> {
                backend.delete(layout, ids);
                return null;
            });
        }
    }

    /** Removes the table and its rows. */
    public void drop() {
        guard("drop " + layout.entityId(), () -> {
            backend.drop(layout);
            return null;
        });
    }

    public Set<String> ids() {
        return guard("ids " + layout.entityId(), () -> backend.ids(layout));
    }

    /**
     * Every row with the values of {@code fields}, by object id, in one read: the backend's
     * {@link Backend#execute} of an unfiltered fragment, instead of {@link #ids} then {@link #fetch}.
     */
    public Map<String, Map<String, Object>> rows(Collection<String> fields) {
        Fragment all = new Fragment(null, null, null, List.of(), 0, null, Set.copyOf(fields));
        return guard("read " + layout.entityId(), () -> {
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            for (Hit hit : backend.execute(layout, all)) {
                out.put(hit.objectId(), hit.columns());
            }
            return out;
        });
    }

    public Map<String, Map<String, Object>> fetch(Collection<String> ids, Collection<String> fields) {
        return guard("fetch " + layout.entityId(), () -> backend.fetch(layout, ids, fields));
    }

    private <T> T guard(String operation, Supplier<T> call) {
        return BackendException.wrap(backend.name(), operation, call);
    }
}
