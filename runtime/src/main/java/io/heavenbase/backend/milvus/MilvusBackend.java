package io.heavenbase.backend.milvus;

import com.google.gson.JsonObject;
import io.heavenbase.BackendException;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.BackendBase;
import io.heavenbase.spi.support.Chunks;
import io.heavenbase.spi.support.Projection;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code milvus} backend: one collection per entity part (see {@link MilvusCollection}),
 * written with upserts, read with strongly consistent queries and searches. Milvus has no
 * transactions: a failed batch may leave earlier batches of the same call written, which the
 * workspace journal reports.
 */
final class MilvusBackend extends BackendBase {

    /** Rows per upsert request. */
    static final int WRITE_BATCH = 200;

    private final MilvusSettings settings;
    private final MilvusGateway gateway;
    private final MilvusRequests requests;
    private final MilvusReader reader;
    private final MilvusFragments fragments;
    private final MilvusCalls calls;

    /**
     * A backend connected through the Milvus SDK (connecting on first use). Declared to return the
     * SPI type so that callers never load SDK classes before the SDK is known to be present.
     */
    static Backend open(MilvusSettings settings, String uriProperty) {
        return new MilvusBackend(settings, new SdkMilvusGateway(settings), uriProperty);
    }

    MilvusBackend(MilvusSettings settings, MilvusGateway gateway) {
        this(settings, gateway, MilvusSettings.URI);
    }

    /** {@code uriProperty}: the property that sets the server address, named when the server is unreachable. */
    MilvusBackend(MilvusSettings settings, MilvusGateway gateway, String uriProperty) {
        super(settings.backendName(), MilvusProvider.TYPE, MilvusCapabilities.TABLE);
        this.settings = settings;
        this.gateway = gateway;
        this.requests = new MilvusRequests(settings);
        this.reader = new MilvusReader(gateway, requests);
        this.fragments = new MilvusFragments(reader, settings.metric());
        this.calls = new MilvusCalls(settings.backendName(), settings.token(),
                settings.uri() + " (" + uriProperty + ")");
    }

    @Override
    public void ensure(EntityLayout layout) {
        MilvusCollection collection = collection(layout);
        calls.run("ensure collection " + collection.name(), () -> {
            if (!gateway.hasCollection(requests.hasCollection(collection.name()))) {
                gateway.createCollection(requests.createCollection(collection));
                return;
            }
            String difference = difference(collection,
                    gateway.describeCollection(requests.describeCollection(collection.name())));
            if (difference != null) {
                throw new BackendException(name(), "ensure collection " + collection.name(), "collection '"
                        + collection.name() + "' exists with another schema (" + difference + "); drop it or set "
                        + "another heavenbase.backends." + name() + ".prefix", null);
            }
            if (!gateway.isLoaded(requests.loadState(collection.name()))) {
                gateway.load(requests.load(collection.name()));
            }
        });
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        MilvusCollection collection = collection(layout);
        List<JsonObject> converted = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            converted.add(MilvusValues.toRow(collection, row));
        }
        for (int from = 0; from < converted.size(); from += WRITE_BATCH) {
            List<JsonObject> batch = converted.subList(from, Math.min(converted.size(), from + WRITE_BATCH));
            calls.run("upsert into " + collection.name(), () -> gateway.upsert(requests.upsert(collection, batch)));
        }
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        MilvusCollection collection = collection(layout);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Object>> found = calls.call("fetch from " + collection.name(),
                () -> reader.byIds(collection, new HashSet<>(ids), null, collection.outputFields(fields)));
        return Projection.of(ids, found, fields);
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        MilvusCollection collection = collection(layout);
        for (List<String> chunk : Chunks.of(ids, MilvusReader.ID_CHUNK)) {
            calls.run("delete from " + collection.name(), () -> gateway.delete(requests.delete(collection, chunk)));
        }
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        MilvusCollection collection = collection(layout);
        return calls.call("query " + collection.name(), () -> fragments.execute(collection, fragment));
    }

    @Override
    public long count(EntityLayout layout) {
        MilvusCollection collection = collection(layout);
        return calls.call("count " + collection.name(), () -> {
            List<Map<String, Object>> result = gateway.query(requests.count(collection));
            Object count = result.isEmpty() ? null : result.get(0).get(MilvusRequests.COUNT);
            if (!(count instanceof Number number)) {
                throw new BackendException(name(), "count " + collection.name(),
                        "Milvus answered count(*) without a number: " + Names.shorten(result), null);
            }
            return number.longValue();
        });
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        MilvusCollection collection = collection(layout);
        return calls.call("list ids of " + collection.name(), () -> {
            Set<String> out = new HashSet<>();
            for (Map<String, Object> row : reader.scan(collection, null, List.of(Names.OBJECT_ID))) {
                out.add((String) row.get(Names.OBJECT_ID));
            }
            return out;
        });
    }

    @Override
    public void drop(EntityLayout layout) {
        String name = MilvusNames.collection(settings.prefix(), layout);
        calls.run("drop collection " + name, () -> {
            if (gateway.hasCollection(requests.hasCollection(name))) {
                gateway.dropCollection(requests.dropCollection(name));
            }
        });
    }

    @Override
    public void ping() {
        calls.call("ping", gateway::serverVersion);
    }

    @Override
    public void close() {
        gateway.close();
    }

    private MilvusCollection collection(EntityLayout layout) {
        return MilvusCollection.of(name(), settings.prefix(), layout);
    }

    /** The first way {@code existing} differs from the collection's declaration, or null. */
    static String difference(MilvusCollection collection, List<CreateCollectionReq.FieldSchema> existing) {
        Map<String, CreateCollectionReq.FieldSchema> byName = new LinkedHashMap<>();
        for (CreateCollectionReq.FieldSchema field : existing) {
            byName.put(field.getName(), field);
        }
        for (MilvusColumn column : collection.columns()) {
            CreateCollectionReq.FieldSchema field = byName.remove(column.name());
            if (field == null) {
                return "field '" + column.name() + "' is missing";
            }
            if (!column.matches(field)) {
                return "field '" + column.name() + "' is " + field.getDataType() + ", expected " + column;
            }
        }
        return byName.isEmpty() ? null : "it has extra fields " + byName.keySet();
    }
}
