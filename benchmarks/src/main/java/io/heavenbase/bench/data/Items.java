package io.heavenbase.bench.data;

import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tabular data set of the SQL benchmarks: entity {@code item} with a text name, a category
 * code, a price, a quantity and a flag. Row {@code i} is the same in every run and on every side.
 */
public final class Items {

    public static final String ENTITY = "item";
    /** Rows per {@code upsertMany} when loading a read benchmark's data. */
    private static final int LOAD_CHUNK = 10_000;
    public static final int CATEGORIES = 20;
    /** The fields after object_id, in table column order. */
    public static final List<String> FIELDS = List.of("name", "category", "price", "qty", "active");

    private Items() {
    }

    public static EntitySchema schema() {
        return EntitySchema.builder(ENTITY)
                .field("name", "ShortText")
                .field("category", "Identifier")
                .field("price", "Float")
                .field("qty", "Integer")
                .field("active", "Boolean")
                .build();
    }

    public static String id(int i) {
        return String.format("item-%07d", i);
    }

    public static String category(int i) {
        return "c" + (i % CATEGORIES);
    }

    public static Map<String, Object> row(int i) {
        return row(i, 0);
    }

    /**
     * Row {@code i} as of {@code version}: version 0 is the data set; a later version has the same
     * id and category and other name, price, quantity and flag (an earlier state a write replaces).
     */
    public static Map<String, Object> row(int i, int version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id(i));
        row.put("name", (version == 0 ? "item number " : "old item " + version + " number ") + i);
        row.put("category", category(i));
        row.put("price", ((i + version * 7) % 1000) / 10.0);
        row.put("qty", (long) ((i + version * 13) % 100));
        row.put("active", (i + version) % 3 != 0);
        return row;
    }

    public static List<Map<String, Object>> rows(int count) {
        return rows(0, count);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public static List<Map<String, Object>> rows(int from, int to) {
        return rows(from, to, 0);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as of {@code version} (see {@link #row(int, int)}). */
    public static List<Map<String, Object>> rows(int from, int to, int version) {
        List<Map<String, Object>> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            rows.add(row(i, version));
        }
        return rows;
    }

    /** Registers the schema in {@code workspace} and writes rows 0 to {@code size - 1}, in chunks. */
    public static void writeInto(Workspace workspace, int size) {
        workspace.register(schema());
        for (int from = 0; from < size; from += LOAD_CHUNK) {
            workspace.upsertMany(ENTITY, rows(from, Math.min(size, from + LOAD_CHUNK)));
        }
    }
}
