package io.heavenbase.bench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written baseline for near: one loop over float[] computing cosine similarity in double
 * (dot product and both norms in a single pass) and keeping the best k in a small sorted array.
 * Ties go to the smaller id, as in HeavenBase.
 */
public final class PlainCosineTopK {

    private final double[] scores;
    private final String[] ids;
    private int filled;

    public PlainCosineTopK(int k) {
        scores = new double[k];
        ids = new String[k];
    }

    /** Scores one stored vector against the query and keeps it if it is among the best k so far. */
    public void offer(String id, float[] stored, float[] query) {
        double dot = 0.0;
        double storedNorm = 0.0;
        double queryNorm = 0.0;
        for (int i = 0; i < stored.length; i++) {
            double s = stored[i];
            double q = query[i];
            dot += s * q;
            storedNorm += s * s;
            queryNorm += q * q;
        }
        double score = storedNorm == 0.0 || queryNorm == 0.0 ? 0.0
                : dot / (Math.sqrt(storedNorm) * Math.sqrt(queryNorm));
        if (filled == scores.length && !better(score, id, scores[filled - 1], ids[filled - 1])) {
            return;
        }
        int at = filled == scores.length ? filled - 1 : filled++;
        while (at > 0 && better(score, id, scores[at - 1], ids[at - 1])) {
            scores[at] = scores[at - 1];
            ids[at] = ids[at - 1];
            at--;
        }
        scores[at] = score;
        ids[at] = id;
    }

    /** The ids kept, best first. */
    public List<String> ids() {
        List<String> out = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            out.add(ids[i]);
        }
        return out;
    }

    private static boolean better(double score, String id, double otherScore, String otherId) {
        return score > otherScore || (score == otherScore && id.compareTo(otherId) < 0);
    }
}
