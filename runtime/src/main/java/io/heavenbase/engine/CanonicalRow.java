package io.heavenbase.engine;

import io.heavenbase.schema.EntitySchema;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A row as {@link RowNormalizer} makes it: every field of the schema, in schema order, as one array
 * of values; unmodifiable. The field positions come from the schema, so a bulk write holds an array
 * per row instead of a hash map per row, which is most of what the garbage collector had to copy
 * while a large {@code upsertMany} was under way.
 */
final class CanonicalRow extends AbstractMap<String, Object> {

    private final EntitySchema schema;
    private final Object[] values;

    /** Takes {@code values} (one per field of {@code schema}, in its order) as they are. */
    CanonicalRow(EntitySchema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        int position = key instanceof String ? schema.position((String) key) : -1;
        return position < 0 ? null : values[position];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && schema.position((String) key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        List<String> names = schema.fieldNames();
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(names.get(at), values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
