package io.heavenbase.conformance;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An inmem backend that fails on the operations armed in {@link Faults} for its fault id. */
final class FaultyBackend implements Backend {

    private final Backend delegate;
    private final String faultId;

    FaultyBackend(Backend delegate, String faultId) {
        this.delegate = delegate;
        this.faultId = faultId;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String type() {
        return FaultyProvider.TYPE;
    }

    @Override
    public CapabilityTable capabilities() {
        return delegate.capabilities();
    }

    @Override
    public void ensure(EntityLayout layout) {
        Faults.check(faultId, name(), "ensure");
        delegate.ensure(layout);
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        Faults.check(faultId, name(), "upsert");
        delegate.upsert(layout, rows);
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        Faults.check(faultId, name(), "fetch");
        return delegate.fetch(layout, ids, fields);
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        Faults.check(faultId, name(), "delete");
        delegate.delete(layout, ids);
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        Faults.check(faultId, name(), "execute");
        return delegate.execute(layout, fragment);
    }

    @Override
    public long count(EntityLayout layout) {
        Faults.check(faultId, name(), "count");
        return delegate.count(layout);
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        Faults.check(faultId, name(), "ids");
        return delegate.ids(layout);
    }

    @Override
    public void drop(EntityLayout layout) {
        delegate.drop(layout);
    }

    @Override
    public void refresh() {
        delegate.refresh();
    }

    @Override
    public void ping() {
        Faults.check(faultId, name(), "ping");
        delegate.ping();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
