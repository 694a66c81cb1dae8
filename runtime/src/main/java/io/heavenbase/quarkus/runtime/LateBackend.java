package io.heavenbase.quarkus.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.heavenbase.BackendException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.FilterBudget;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;

/**
 * A backend that could not be reached when the workspace opened. It stands in the workspace under its name and
 * type, with its type's capability table, so that entities which do not use it work; every call that needs the
 * store first tries to open it again and fails with the {@link BackendException} naming the backend until the
 * server answers, then delegates to the opened backend.
 */
final class LateBackend implements Backend {

    private final String name;
    private final String type;
    private final CapabilityTable typeCapabilities;
    private final Supplier<Backend> opener;
    private volatile Backend opened;

    LateBackend(String name, String type, CapabilityTable typeCapabilities, Supplier<Backend> opener) {
        this.name = name;
        this.type = type;
        this.typeCapabilities = typeCapabilities;
        this.opener = opener;
    }

    /** Whether the server answered since the workspace opened. */
    boolean isOpen() {
        return opened != null;
    }

    private Backend backend() {
        Backend current = opened;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (opened == null) {
                opened = opener.get();
            }
            return opened;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public CapabilityTable capabilities() {
        Backend current = opened;
        return current != null ? current.capabilities() : typeCapabilities;
    }

    @Override
    public void ensure(EntityLayout layout) {
        backend().ensure(layout);
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        backend().upsert(layout, rows);
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        return backend().fetch(layout, ids, fields);
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        backend().delete(layout, ids);
    }

    @Override
    public FilterBudget filterBudget() {
        Backend current = opened;
        return current != null ? current.filterBudget() : FilterBudget.DEFAULT;
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        return backend().execute(layout, fragment);
    }

    @Override
    public long count(EntityLayout layout) {
        return backend().count(layout);
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        return backend().ids(layout);
    }

    @Override
    public void drop(EntityLayout layout) {
        backend().drop(layout);
    }

    @Override
    public void refresh() {
        Backend current = opened;
        if (current != null) {
            current.refresh();
        }
    }

    @Override
    public void ping() {
        backend().ping();
    }

    /** Closes nothing of its own: the container closes the backend bean it opened. */
    @Override
    public void close() {
    }
}
