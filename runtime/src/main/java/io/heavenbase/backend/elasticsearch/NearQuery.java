package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.Metric;
import io.heavenbase.query.NearSpec;

/**
 * Exact similarity search as a {@code script_score} query over the filtered documents (a
 * brute-force scan, so filters always apply before the top-k cut).
 *
 * <p>A painless script computes {@link io.heavenbase.query.Similarity} with the same double
 * arithmetic in the same order over the stored floats, so it equals the engine's score bit for bit.
 * The server ranks by that score mapped to a positive value and rounded to float (scores must be
 * non-negative floats); both steps never reverse an order, so a document ranked below the k-th
 * hit's float score cannot belong to the top k. The search therefore reads the first k hits plus
 * any that tie with the k-th in float, gets each hit's exact score as a script field, and the
 * caller makes the final cut on exact scores, ties broken by object_id.
 */
final class NearQuery {

    /** The script field carrying the exact score of a hit. */
    static final String SCORE_FIELD = "hb-score";

    private static final String COSINE = "double ab = 0.0; double aa = 0.0; double bb = 0.0; "
            + "for (int i = 0; i < v.length; i++) { double a = v[i]; double b = q[i]; "
            + "ab += a * b; aa += a * a; bb += b * b; } "
            + "double na = Math.sqrt(aa); double nb = Math.sqrt(bb); "
            + "double s = na == 0.0 || nb == 0.0 ? 0.0 : ab / (na * nb);";
    private static final String DOT = "double s = 0.0; "
            + "for (int i = 0; i < v.length; i++) { double a = v[i]; double b = q[i]; s += a * b; }";
    private static final String L2 = "double sum = 0.0; "
            + "for (int i = 0; i < v.length; i++) { double d = v[i] - (double) q[i]; sum += d * d; } "
            + "double s = 1.0 / (1.0 + Math.sqrt(sum));";
    /** Order-preserving map of any double onto the positive numbers a score must be. */
    private static final String POSITIVE = " return s >= 0.0 ? s + 1.0 : 1.0 / (1.0 - s);";

    private NearQuery() {
    }

    /** The {@code script_score} query ranking the documents of {@code filter} by similarity. */
    static ObjectNode query(NearSpec near, ObjectNode filter, Distribution distribution) {
        ObjectNode query = SearchClient.object();
        ObjectNode scriptScore = query.putObject("script_score");
        scriptScore.set("query", filter);
        scriptScore.set("script", script(near, distribution, POSITIVE));
        return query;
    }

    /** Score descending, then object_id ascending. */
    static ArrayNode sort() {
        ArrayNode sort = SearchClient.JSON.createArrayNode();
        sort.addObject().putObject("_score").put("order", "desc");
        sort.addObject().putObject(DocumentCodec.OBJECT_ID).put("order", "asc");
        return sort;
    }

    /** The {@code script_fields} returning each hit's exact score under {@link #SCORE_FIELD}. */
    static ObjectNode scriptFields(NearSpec near, Distribution distribution) {
        ObjectNode fields = SearchClient.object();
        fields.putObject(SCORE_FIELD).set("script", script(near, distribution, " return s;"));
        return fields;
    }

    /** The exact score of a hit. */
    static double exactScore(JsonNode hit) {
        return hit.path("fields").path(SCORE_FIELD).path(0).doubleValue();
    }

    /** The score the server ranked a hit by (a float). */
    static double rankScore(JsonNode hit) {
        return hit.path("_score").doubleValue();
    }

    private static ObjectNode script(NearSpec near, Distribution distribution, String ending) {
        ObjectNode script = SearchClient.object();
        script.put("lang", "painless");
        script.put("source", "float[] v = " + distribution.vectorAccess() + "; def q = params.query; "
                + metricBody(near.metric()) + ending);
        ObjectNode params = script.putObject("params");
        params.put("field", near.field());
        ArrayNode query = params.putArray("query");
        for (float component : near.vector()) {
            // The double holding exactly this float, so the script multiplies the same values as the engine.
            query.add((double) component);
        }
        return script;
    }

    private static String metricBody(Metric metric) {
        switch (metric) {
            case DOT:
                return DOT;
            case L2:
                return L2;
            default:
                return COSINE;
        }
    }
}
