package io.heavenbase.bench.data;

import io.heavenbase.schema.EntitySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data set of the full-text write rows: entity {@code doc} with a category, a quantity and one
 * {@code LongText} body of 24 words (the only text field, so the only full-text index). Row
 * {@code i} is the same in every run and on every side.
 */
public final class Docs {

    public static final String ENTITY = "doc";
    private static final int WORDS = 24;
    private static final int VOCABULARY = 5_000;

    private Docs() {
    }

    public static EntitySchema schema() {
        return EntitySchema.builder(ENTITY)
                .field("category", "Identifier")
                .field("qty", "Integer")
                .field("body", "LongText")
                .build();
    }

    public static String id(int i) {
        return String.format("doc-%07d", i);
    }

    /** Row {@code i} as of {@code version} (a later version has other words and quantity). */
    public static Map<String, Object> row(int i, int version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id(i));
        row.put("category", Items.category(i));
        row.put("qty", (long) ((i + version * 13) % 100));
        StringBuilder body = new StringBuilder();
        long state = i * 2_654_435_761L + version * 97L + 1;
        for (int w = 0; w < WORDS; w++) {
            state = state * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            body.append(w == 0 ? "" : " ").append("word").append(Math.floorMod(state >>> 33, VOCABULARY));
        }
        row.put("body", body.toString());
        return row;
    }

    public static List<Map<String, Object>> rows(int from, int to, int version) {
        List<Map<String, Object>> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            rows.add(row(i, version));
        }
        return rows;
    }
}
