package io.heavenbase.engine;

import io.heavenbase.Fusion;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fuses the ranking of a text search and of a near search into one ranking (see {@link Fusion}). */
final class HybridFusion {

    /** One fused row with what each leg said of it (rank from 1 and score; null when the leg did not return it). */
    record Fused(String id, double score, Integer searchRank, Double searchScore, Integer nearRank,
            Double nearScore) {
    }

    private HybridFusion() {
    }

    /** The union of both legs, best fused score first, ties by object_id. */
    static List<Fused> fuse(List<Hit> search, List<Hit> near, Fusion fusion) {
        Map<String, Integer> searchRanks = ranks(search);
        Map<String, Integer> nearRanks = ranks(near);
        Map<String, Double> searchScores = scores(search, fusion);
        Map<String, Double> nearScores = scores(near, fusion);
        Map<String, Double> raw = new LinkedHashMap<>();
        search.forEach(hit -> raw.putIfAbsent(hit.objectId(), hit.score()));
        Map<String, Double> rawNear = new LinkedHashMap<>();
        near.forEach(hit -> rawNear.putIfAbsent(hit.objectId(), hit.score()));
        Map<String, Boolean> ids = new LinkedHashMap<>();
        search.forEach(hit -> ids.put(hit.objectId(), true));
        near.forEach(hit -> ids.put(hit.objectId(), true));
        List<Fused> fused = new ArrayList<>(ids.size());
        for (String id : ids.keySet()) {
            Integer searchRank = searchRanks.get(id);
            Integer nearRank = nearRanks.get(id);
            double score = fusion.method() == Fusion.Method.RRF
                    ? reciprocal(searchRank, fusion.rankConstant()) + reciprocal(nearRank, fusion.rankConstant())
                    : fusion.searchWeight() * searchScores.getOrDefault(id, 0.0)
                            + fusion.nearWeight() * nearScores.getOrDefault(id, 0.0);
            fused.add(new Fused(id, score, searchRank, raw.get(id), nearRank, rawNear.get(id)));
        }
        fused.sort(Comparator.comparingDouble(Fused::score).reversed()
                .thenComparing(Fused::id, ValueOrder::compareText));
        return fused;
    }

    private static double reciprocal(Integer rank, int k) {
        return rank == null ? 0 : 1.0 / (k + rank);
    }

    /** Rank from 1 of each id in a leg (its first occurrence). */
    private static Map<String, Integer> ranks(List<Hit> leg) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (Hit hit : leg) {
            ranks.putIfAbsent(hit.objectId(), ranks.size() + 1);
        }
        return ranks;
    }

    /** A leg's scores min-max normalised to [0, 1] (all equal: 1), for the weighted method. */
    private static Map<String, Double> scores(List<Hit> leg, Fusion fusion) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (fusion.method() != Fusion.Method.WEIGHTED || leg.isEmpty()) {
            return out;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Hit hit : leg) {
            min = Math.min(min, hit.score());
            max = Math.max(max, hit.score());
        }
        for (Hit hit : leg) {
            out.putIfAbsent(hit.objectId(), max == min ? 1.0 : (hit.score() - min) / (max - min));
        }
        return out;
    }
}
