package io.heavenbase.backend.file;

import io.heavenbase.schema.DType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The content of one row file of the {@code file} backend: the declared field types and the row. */
record RowFile(Map<String, DType> fields, StoredRow row) {

    RowFile {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
