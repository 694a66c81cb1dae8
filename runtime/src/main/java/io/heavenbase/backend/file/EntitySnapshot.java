package io.heavenbase.backend.file;

import io.heavenbase.schema.DType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The immutable content of one entity file of the {@code json} and {@code pickle} backends: a
 * random revision (new on every write, so readers can tell versions apart without comparing
 * content), the declared field types and the rows by object id. {@link #ABSENT} stands for a
 * missing file (revision {@code ""}).
 */
record EntitySnapshot(String revision, Map<String, DType> fields, SortedMap<String, StoredRow> rows) {

    static final EntitySnapshot ABSENT = new EntitySnapshot("", Map.of(), new TreeMap<>());

    /** {@code rows} must not be changed by the caller afterwards. */
    EntitySnapshot {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        rows = Collections.unmodifiableSortedMap(rows);
    }

    boolean exists() {
        return !revision.isEmpty();
    }
}
