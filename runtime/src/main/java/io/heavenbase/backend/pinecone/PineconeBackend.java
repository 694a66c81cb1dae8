package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.BackendException;
import io.heavenbase.Metric;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.BackendBase;
import io.heavenbase.spi.support.Chunks;
import io.heavenbase.spi.support.Projection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code pinecone} backend: one namespace per entity part in one dense index, spoken to over
 * Pinecone's REST API. The index is found (or created, when cloud and region are configured) on
 * first use; with {@code host} configured the control plane is not used and the dimension comes
 * from the index statistics. Pinecone is eventually consistent: a write may take a moment to show
 * in queries, counts and listings.
 */
final class PineconeBackend extends BackendBase {

    private final PineconeSettings settings;
    private final PineconeHttp http;
    private final PineconeControlPlane control;
    private final PineconeRecords records;
    private final PineconeFilters filters;
    private PineconeDataPlane data;

    PineconeBackend(PineconeSettings settings) {
        super(settings.backendName(), PineconeProvider.TYPE, PineconeCapabilities.TABLE);
        this.settings = settings;
        ObjectMapper json = new ObjectMapper();
        this.http = new PineconeHttp(settings.backendName(), settings.apiKey(), json);
        this.control = new PineconeControlPlane(settings, http);
        this.records = new PineconeRecords(json);
        this.filters = new PineconeFilters(json);
    }

    @Override
    public void ensure(EntityLayout layout) {
        PineconePart part = part(layout);
        part.requireDimension(name(), data(part.vector() == null ? -1 : part.vector().dtype().dimension()).index());
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        PineconePart part = part(layout);
        PineconeDataPlane plane = data(-1);
        List<ObjectNode> converted = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            converted.add(records.record(part, plane.index().dimension(), row));
        }
        for (int from = 0; from < converted.size(); from += PineconeDataPlane.UPSERT_BATCH) {
            plane.upsert(part.namespace(),
                    converted.subList(from, Math.min(converted.size(), from + PineconeDataPlane.UPSERT_BATCH)));
        }
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        PineconePart part = part(layout);
        Map<String, Map<String, Object>> found = reader().rows(part, new HashSet<>(ids));
        return Projection.of(ids, found, fields);
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        PineconePart part = part(layout);
        for (List<String> chunk : Chunks.of(ids, PineconeDataPlane.DELETE_BATCH)) {
            data(-1).delete(part.namespace(), chunk);
        }
    }

    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        return new PineconeFragments(reader(), data(-1), records, filters).execute(part(layout), fragment);
    }

    @Override
    public long count(EntityLayout layout) {
        return data(-1).count(part(layout).namespace());
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        return reader().allIds(part(layout));
    }

    @Override
    public void drop(EntityLayout layout) {
        data(-1).deleteAll(part(layout).namespace());
    }

    @Override
    public void ping() {
        data(-1).stats("ping");
    }

    @Override
    public void close() {
        // java.net.http.HttpClient holds no resources that need closing on Java 17.
    }

    private PineconePart part(EntityLayout layout) {
        return PineconePart.of(name(), settings.prefix(), layout);
    }

    private PineconeReader reader() {
        return new PineconeReader(data(-1), records, filters);
    }

    /** The data plane, resolving the index on first use (creating it with this dimension if allowed). */
    private synchronized PineconeDataPlane data(int dimensionIfCreated) {
        if (data == null) {
            data = new PineconeDataPlane(http, settings.host() == null ? control.resolve(dimensionIfCreated)
                    : configuredIndex());
        }
        return data;
    }

    private PineconeIndex configuredIndex() {
        PineconeIndex probe = new PineconeIndex(settings.host(), 1, settings.metric());
        JsonNode stats = new PineconeDataPlane(http, probe).stats("describe index stats");
        int dimension = stats.path("dimension").asInt(0);
        if (dimension < 1) {
            throw new BackendException(name(), "describe index stats", "the index at "
                    + settings.host().getHost() + " reports no dimension", null);
        }
        Metric metric = stats.hasNonNull("metric") ? PineconeIndex.metric(stats.get("metric").asText())
                : settings.metric();
        return new PineconeIndex(settings.host(), dimension, metric);
    }
}
