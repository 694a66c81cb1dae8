package io.heavenbase.bench.data;

import io.heavenbase.schema.EntitySchema;
import java.util.List;
import java.util.Map;

/**
 * What a write row loads: the entity and its rows {@code from} to {@code to} (exclusive) as of a
 * {@code version}, the same on both sides.
 */
public record DataSet(EntitySchema schema, Rows rows) {

    /** The {@link Items}. */
    public static final DataSet ITEMS = new DataSet(Items.schema(), Items::rows);
    /** The {@link Docs}, one indexed {@code LongText} body each. */
    public static final DataSet DOCS = new DataSet(Docs.schema(), Docs::rows);

    /** Rows {@code from} to {@code to} (exclusive) as of {@code version}. */
    @FunctionalInterface
    public interface Rows {
        List<Map<String, Object>> of(int from, int to, int version);
    }
}
