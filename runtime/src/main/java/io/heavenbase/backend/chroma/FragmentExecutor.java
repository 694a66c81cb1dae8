package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.Metric;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.support.NearWidening;
import io.heavenbase.spi.support.RowScan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a pushed-down {@link Fragment} on one collection.
 *
 * <ul>
 * <li>The filter becomes a {@code where} clause ({@link WhereTranslator}); candidates go in the
 * request's {@code ids}, both applied by the server before anything is cut. When the clause is
 * only a superset (a negated range leaf), the rows it selects are re-checked with the Evaluator
 * (through {@link RowScan}).</li>
 * <li>A filter without near, order or columns, with an exact clause, reads ids only; anything else
 * reads metadata and finishes with {@link RowScan} on the decoded rows.</li>
 * <li>{@code near} is exact: every eligible row's stored vector is scored in Java with
 * {@link io.heavenbase.query.Similarity}, so the k best eligible rows come back whatever the metric
 * and whatever HNSW would have missed. Only when the metric is cosine and more than
 * {@code exactNearLimit} rows are eligible (the candidates or the whole collection when that many,
 * and a filter or candidates that one ids-only probe of {@code exactNearLimit + 1} finds to leave
 * more) does it ask Chroma's HNSW index for the nearest {@code max(4k, 100)} eligible rows,
 * re-score those exactly, and widen (x4) while fewer than k survive the re-check; that path is as
 * approximate as HNSW (filters and candidates are still applied by the server before the cut).</li>
 * </ul>
 */
record FragmentExecutor(ChromaApi api, int exactNearLimit) {

    /** Records read per request with metadata. */
    static final int READ_PAGE = 1000;
    /** Records read per request when only ids are needed. */
    static final int ID_PAGE = 5000;
    /** Ids sent per request in {@code ids}. */
    static final int ID_CHUNK = 1000;
    private static final int MIN_ANN_RESULTS = 100;

    List<Hit> execute(String collectionId, ChromaPart part, Fragment fragment, String operation) {
        if (fragment.candidates() != null && fragment.candidates().isEmpty()) {
            return List.of();
        }
        WhereTranslator.Where where = part.translator().translate(fragment.filter());
        if (where.none()) {
            return List.of();
        }
        Fragment rest = where.exact() ? withoutFilter(fragment) : fragment;
        if (fragment.near() != null) {
            return near(collectionId, part, where.clause(), rest, operation);
        }
        if (where.exact() && fragment.columns().isEmpty() && fragment.order().isEmpty()) {
            return idsOnly(collectionId, where.clause(), fragment, operation);
        }
        return RowScan.execute(rows(collectionId, part, where.clause(), fragment.candidates(), operation), rest);
    }

    /** Every record matching {@code where} among {@code candidates} (null: all), decoded. */
    private List<Map<String, Object>> rows(String collectionId, ChromaPart part, JsonNode where, Set<String> candidates,
            String operation) {
        List<Map<String, Object>> rows = new ArrayList<>();
        pages(collectionId, where, candidates, true, operation, page -> {
            for (int i = 0; i < page.size(); i++) {
                rows.add(part.codec().decodeAll(page.ids().get(i), page.metadatas().get(i)));
            }
        });
        return rows;
    }

    /** Reads matching records page by page (or candidate chunk by chunk). */
    void pages(String collectionId, JsonNode where, Collection<String> candidates, boolean withMetadata,
            String operation, Consumer<ChromaRecords> consumer) {
        if (candidates != null) {
            List<String> all = new ArrayList<>(candidates);
            for (int from = 0; from < all.size(); from += ID_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + ID_CHUNK));
                consumer.accept(api.get(collectionId, chunk, where, withMetadata, null, 0, operation));
            }
            return;
        }
        int pageSize = withMetadata ? READ_PAGE : ID_PAGE;
        for (int offset = 0;; offset += pageSize) {
            ChromaRecords page = api.get(collectionId, null, where, withMetadata, pageSize, offset, operation);
            consumer.accept(page);
            if (page.size() < pageSize) {
                return;
            }
        }
    }

    private List<Hit> idsOnly(String collectionId, JsonNode where, Fragment fragment, String operation) {
        List<String> ids = new ArrayList<>();
        pages(collectionId, where, fragment.candidates(), false, operation, page -> ids.addAll(page.ids()));
        ids.sort(ValueOrder::compareText);
        int from = Math.min(fragment.offset(), ids.size());
        int to = fragment.limit() == null ? ids.size() : (int) Math.min((long) from + fragment.limit(), ids.size());
        List<Hit> hits = new ArrayList<>(to - from);
        for (String id : ids.subList(from, to)) {
            hits.add(new Hit(id, Double.NaN, Map.of()));
        }
        return hits;
    }

    private List<Hit> near(String collectionId, ChromaPart part, JsonNode where, Fragment fragment,
            String operation) {
        NearSpec near = fragment.near();
        boolean indexed = part.indexedVector() != null && part.indexedVector().name().equals(near.field());
        JsonNode eligible = indexed ? WhereTranslator.and(where, hasVector()) : where;
        Set<String> candidates = fragment.candidates();
        long bound = candidates != null ? candidates.size() : api.count(collectionId, operation);
        if (indexed && near.metric() == Metric.COSINE && bound > exactNearLimit) {
            Set<String> few = fewEligible(collectionId, where, candidates, eligible, operation);
            if (few == null) {
                return approximate(collectionId, part, eligible, fragment, bound, operation);
            }
            candidates = few;
        }
        return RowScan.execute(rows(collectionId, part, eligible, candidates, operation), fragment);
    }

    /**
     * The eligible ids when a filter or candidates leave at most {@code exactNearLimit} of them (one
     * ids-only request), else null.
     */
    private Set<String> fewEligible(String collectionId, JsonNode where, Set<String> candidates, JsonNode eligible,
            String operation) {
        if (where == null && candidates == null) {
            return null;
        }
        ChromaRecords probe = api.get(collectionId, candidates, eligible, false, exactNearLimit + 1, 0, operation);
        return probe.size() > exactNearLimit ? null : new HashSet<>(probe.ids());
    }

    /** HNSW's nearest eligible records, re-scored exactly, widened while fewer than k survive the re-check. */
    private List<Hit> approximate(String collectionId, ChromaPart part, JsonNode eligible, Fragment fragment,
            long bound, String operation) {
        NearSpec near = fragment.near();
        return NearWidening.widen(NearWidening.firstRequest(near.topK(), MIN_ANN_RESULTS), bound, n -> {
            ChromaRecords nearest = api.query(collectionId, near.vector(), (int) n, fragment.candidates(), eligible,
                    operation);
            List<Hit> hits = rescored(part, nearest, fragment);
            return hits.size() >= near.topK() || nearest.size() < n ? Optional.of(hits) : Optional.empty();
        }).orElseGet(() -> rescored(part, api.query(collectionId, near.vector(), (int) bound, fragment.candidates(),
                eligible, operation), fragment));
    }

    /** The records HNSW returned, re-checked and re-scored exactly. */
    private static List<Hit> rescored(ChromaPart part, ChromaRecords nearest, Fragment fragment) {
        List<Map<String, Object>> rows = new ArrayList<>(nearest.size());
        for (int i = 0; i < nearest.size(); i++) {
            rows.add(part.codec().decodeAll(nearest.ids().get(i), nearest.metadatas().get(i)));
        }
        return RowScan.execute(rows, fragment);
    }

    /** Records whose indexed vector is not null (those have a zero placeholder embedding). */
    private static JsonNode hasVector() {
        ObjectNode clause = JsonNodeFactory.instance.objectNode();
        clause.putObject(MetadataCodec.NO_VECTOR_KEY).put("$ne", true);
        return clause;
    }

    private static Fragment withoutFilter(Fragment fragment) {
        return new Fragment(null, fragment.near(), fragment.candidates(), fragment.order(), fragment.offset(),
                fragment.limit(), fragment.columns());
    }
}
