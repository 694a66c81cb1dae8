package io.heavenbase.quarkus.deployment.support;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.heavenbase.BackendException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;

/**
 * A test backend that keeps rows in an {@code inmem} backend, reports its own type and answers pings as
 * {@link Recordings} says.
 */
public final class RecordingBackend implements Backend {

    private final String type;
    private final Backend rows;

    RecordingBackend(String type, Backend rows) {
        this.type = type;
        this.rows = rows;
    }

    @Override
    public String name() {
        return rows.name();
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public CapabilityTable capabilities() {
        return rows.capabilities();
    }

    @Override
    public void ensure(EntityLayout layout) {
        rows.ensure(layout);
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> values) {
        rows.upsert(layout, values);
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        return rows.fetch(layout, ids, fields);
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        rows.delete(layout, ids);
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        return rows.execute(layout, fragment);
    }

    @Override
    public long count(EntityLayout layout) {
        return rows.count(layout);
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        return rows.ids(layout);
    }

    @Override
    public void drop(EntityLayout layout) {
        rows.drop(layout);
    }

    @Override
    public void ping() {
        switch (Recordings.ping(name())) {
            case FAIL:
                throw new BackendException(name(), "ping", "server stopped", null);
            case HANG:
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            default:
                rows.ping();
        }
    }

    @Override
    public void close() {
        rows.close();
    }
}
