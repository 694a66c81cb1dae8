package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.databind.JsonNode;
import io.heavenbase.query.Evaluator;
import io.heavenbase.query.Expr;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.support.Chunks;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one namespace: rows by ids, every id, and the ids matching a filter. Pinecone has no
 * filtered scan, so a compiled filter is a query with a fixed vector and the largest topK; when
 * that could have cut the answer (topK results came back) the filter is evaluated here on fetched
 * rows instead. {@code not} is evaluated as a set difference, {@code and}/{@code or} as
 * intersection and union of their children, whatever the children compile to.
 */
record PineconeReader(PineconeDataPlane data, PineconeRecords records, PineconeFilters filters) {

    /** Ids per {@code object_id $in} filter. */
    static final int ID_CHUNK = 1000;

    /** Canonical rows of these ids, keyed by id; unknown ids are absent. */
    Map<String, Map<String, Object>> rows(PineconePart part, Collection<String> ids) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (List<String> chunk : Chunks.of(ids, PineconeDataPlane.FETCH_BATCH)) {
            for (JsonNode record : data.fetch(part.namespace(), chunk)) {
                Map<String, Object> row = records.row(part, record);
                out.put((String) row.get(Names.OBJECT_ID), row);
            }
        }
        return out;
    }

    Set<String> allIds(PineconePart part) {
        Set<String> out = new HashSet<>();
        String token = null;
        do {
            PineconeDataPlane.IdPage page = data.list(part.namespace(), token);
            out.addAll(page.ids());
            token = page.next();
        } while (token != null);
        return out;
    }

    /** The ids among {@code scope} (null: all) whose rows satisfy {@code expr}. */
    Set<String> ids(PineconePart part, Expr expr, Set<String> scope) {
        Optional<PineconeFilter> compiled = filters.compile(expr, part);
        if (compiled.isPresent()) {
            Optional<Set<String>> matched = matching(part, compiled.get(), scope);
            if (matched.isPresent()) {
                return matched.get();
            }
            return evaluated(part, expr, scope);
        }
        if (expr instanceof Expr.And and) {
            Set<String> current = scope;
            for (Expr child : and.children()) {
                current = ids(part, child, current);
            }
            return current == null ? allIds(part) : current;
        }
        if (expr instanceof Expr.Or or) {
            Set<String> union = new HashSet<>();
            for (Expr child : or.children()) {
                union.addAll(ids(part, child, scope));
            }
            return union;
        }
        if (expr instanceof Expr.Not not) {
            Set<String> universe = new HashSet<>(scope != null ? scope : allIds(part));
            universe.removeAll(ids(part, not.child(), universe));
            return universe;
        }
        return evaluated(part, expr, scope);
    }

    /**
     * The ids matching a compiled filter among {@code scope}, or empty when Pinecone's topK cap may
     * have cut the answer.
     */
    Optional<Set<String>> matching(PineconePart part, PineconeFilter filter, Set<String> scope) {
        if (filter.none() || scope != null && scope.isEmpty()) {
            return Optional.of(new HashSet<>());
        }
        if (scope == null && filter.all()) {
            return Optional.of(allIds(part));
        }
        Set<String> out = new HashSet<>();
        if (scope == null) {
            List<JsonNode> matches = data.query(part.namespace(), probe(), PineconeDataPlane.MAX_TOP_K, filter, false);
            if (matches.size() >= PineconeDataPlane.MAX_TOP_K) {
                return Optional.empty();
            }
            matches.forEach(match -> out.add(match.path("id").asText()));
            return Optional.of(out);
        }
        for (List<String> chunk : Chunks.of(scope, ID_CHUNK)) {
            PineconeFilter restricted = filters.and(filter, filters.idIn(chunk));
            data.query(part.namespace(), probe(), chunk.size(), restricted, false)
                    .forEach(match -> out.add(match.path("id").asText()));
        }
        return Optional.of(out);
    }

    /** A unit vector of the index dimension: any vector serves to list filtered records. */
    float[] probe() {
        float[] unit = new float[data.index().dimension()];
        unit[0] = 1f;
        return unit;
    }

    private Set<String> evaluated(PineconePart part, Expr expr, Set<String> scope) {
        Set<String> out = new HashSet<>();
        for (Map<String, Object> row : rows(part, scope != null ? scope : allIds(part)).values()) {
            if (Evaluator.test(expr, row)) {
                out.add((String) row.get(Names.OBJECT_ID));
            }
        }
        return out;
    }
}
