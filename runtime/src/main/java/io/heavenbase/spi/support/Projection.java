package io.heavenbase.spi.support;

import io.heavenbase.schema.Names;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Shapes what a store returned into the answer of {@code Backend.fetch}: one entry per requested id that was found,
 * in the order the ids were asked, each with exactly the requested fields (null where the stored row has none) and
 * {@code object_id}.
 */
public final class Projection {

    private Projection() {
    }

    /** The rows of {@code found} (object_id to stored row) for {@code ids}, projected to {@code fields}. */
    public static Map<String, Map<String, Object>> of(Collection<String> ids, Map<String, Map<String, Object>> found,
            Collection<String> fields) {
        return of(ids, found, fields, UnaryOperator.identity());
    }

    /**
     * As {@link #of(Collection, Map, Collection)}, each value passed through {@code copy} (for stores that hand out
     * their own mutable values).
     */
    public static Map<String, Map<String, Object>> of(Collection<String> ids, Map<String, Map<String, Object>> found,
            Collection<String> fields, UnaryOperator<Object> copy) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String id : ids) {
            Map<String, Object> row = found.get(id);
            if (row != null) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (String field : fields) {
                    values.put(field, copy.apply(row.get(field)));
                }
                values.put(Names.OBJECT_ID, id);
                out.put(id, values);
            }
        }
        return out;
    }
}
