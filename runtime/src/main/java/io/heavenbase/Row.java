package io.heavenbase;

import io.heavenbase.schema.RowMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One logical row: an ordered, unmodifiable map from field name to canonical value
 * ({@code object_id} first), with typed getters and mapping onto an entity class.
 */
public final class Row extends AbstractMap<String, Object> {

    private final Map<String, Object> values;

    public Row(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Takes {@code values} as they are: only {@link Builder#build()} passes a map nobody else holds. */
    private Row(LinkedHashMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A builder for a row of about {@code fields} fields (object_id included), put in their order. */
    public static Builder builder(int fields) {
        return new Builder(fields);
    }

    /**
     * Builds a row field by field without copying the values at the end (the row constructor copies
     * the map it is given). Used once: {@link #build()} hands its map over.
     */
    public static final class Builder {

        private LinkedHashMap<String, Object> values;

        private Builder(int fields) {
            values = new LinkedHashMap<>(Math.max(4, (int) (fields / 0.75f) + 1));
        }

        /** Sets a field; a later put of the same field replaces the value and keeps its position. */
        public Builder put(String field, Object value) {
            if (values == null) {
                throw new IllegalStateException("this Row.Builder has already built its row");
            }
            values.put(field, value);
            return this;
        }

        /** The row; the builder cannot be used afterwards. */
        public Row build() {
            if (values == null) {
                throw new IllegalStateException("this Row.Builder has already built its row");
            }
            Row row = new Row(values);
            values = null;
            return row;
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    public String id() {
        return getString("object_id");
    }

    public String getString(String field) {
        return (String) values.get(field);
    }

    public Long getLong(String field) {
        Object value = values.get(field);
        return value == null ? null : ((Number) value).longValue();
    }

    public Double getDouble(String field) {
        Object value = values.get(field);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public Boolean getBoolean(String field) {
        return (Boolean) values.get(field);
    }

    public Instant getInstant(String field) {
        return (Instant) values.get(field);
    }

    public LocalDate getDate(String field) {
        return (LocalDate) values.get(field);
    }

    public float[] getVector(String field) {
        return (float[]) values.get(field);
    }

    public byte[] getBytes(String field) {
        return (byte[]) values.get(field);
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> getList(String field) {
        return (List<T>) values.get(field);
    }

    /** The similarity score of a near query, or {@code null} when the row carries none. */
    public Double score() {
        return getDouble("score");
    }

    /** Maps this row onto an entity class or record (fields matched by name). */
    public <T> T as(Class<T> type) {
        return RowMapper.map(this, type);
    }
}
