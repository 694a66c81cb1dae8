package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.heavenbase.ValidationException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The two structures every file of the file backends shares: the {@code "fields"} declaration
 * (field name to type spelling, sorted by name) that makes a file self-describing, and row objects
 * ({@code object_id} first, then non-null values sorted by field name, each encoded by
 * {@link ValueCodec} according to its declared type).
 *
 * @param entity the entity whose rows this codec reads and writes, for messages and the file header
 */
record RowCodec(String entity, Artifacts artifacts) {

    /** Where Artifact values live. */
    enum Artifacts {
        /** In the row, as binary. */
        INLINE,
        /** In a file of their own, the row holding an {@link ArtifactRef}. */
        SEPARATE_FILES
    }

    static void writeFields(JsonGenerator out, Map<String, DType> fields) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, DType> field : new TreeMap<>(fields).entrySet()) {
            out.writeStringField(field.getKey(), field.getValue().toString());
        }
        out.writeEndObject();
    }

    /** Reads a {@code "fields"} object at the current token. */
    Map<String, DType> readFields(JsonParser in) throws IOException {
        expectObject(in, "\"fields\" must be an object of field name to type");
        Map<String, DType> fields = new LinkedHashMap<>();
        while (ValueCodec.next(in) == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonLocation at = in.currentTokenLocation();
            if (!Names.isFieldName(name) || name.equals(Names.OBJECT_ID)) {
                throw new ContentException(at, "'" + Names.shorten(name) + "' is not a valid field name");
            }
            if (ValueCodec.next(in) != JsonToken.VALUE_STRING) {
                throw new ContentException(in.currentTokenLocation(), "the type of field '" + name
                        + "' must be a type spelling such as \"ShortText\"");
            }
            try {
                fields.put(name, DType.parse(in.getText()));
            } catch (ValidationException e) {
                throw new ContentException(in.currentTokenLocation(), e.getMessage());
            }
        }
        return fields;
    }

    void writeRow(JsonGenerator out, StoredRow row, Map<String, DType> fields) throws IOException {
        out.writeStartObject();
        out.writeStringField(Names.OBJECT_ID, row.objectId());
        for (Map.Entry<String, Object> value : row.values().entrySet()) {
            String field = value.getKey();
            DType dtype = fields.get(field);
            if (dtype == null) {
                throw new IllegalStateException("field '" + field + "' of entity '" + entity + "' has no declared type");
            }
            out.writeFieldName(field);
            if (value.getValue() instanceof ArtifactRef) {
                ((ArtifactRef) value.getValue()).write(out);
            } else {
                try {
                    ValueCodec.write(out, dtype, value.getValue());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("entity '" + entity + "' field '" + field + "': "
                            + e.getMessage(), e);
                }
            }
        }
        out.writeEndObject();
    }

    /** Reads a row object at the current token; every key must be object_id or a declared field. */
    StoredRow readRow(JsonParser in, Map<String, DType> fields) throws IOException {
        JsonLocation start = in.currentTokenLocation();
        expectObject(in, "a row must be an object");
        String id = null;
        SortedMap<String, Object> values = new TreeMap<>();
        while (ValueCodec.next(in) == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonLocation at = in.currentTokenLocation();
            ValueCodec.next(in);
            if (field.equals(Names.OBJECT_ID)) {
                id = (String) ValueCodec.read(in, DType.IDENTIFIER, entity, Names.OBJECT_ID);
                continue;
            }
            DType dtype = fields.get(field);
            if (dtype == null) {
                throw new ContentException(at, "field '" + Names.shorten(field) + "' is not declared in \"fields\"");
            }
            Object value = artifacts == Artifacts.SEPARATE_FILES && dtype.kind() == DType.Kind.ARTIFACT
                    && in.currentToken() != JsonToken.VALUE_NULL
                    ? ArtifactRef.read(in, field)
                    : ValueCodec.read(in, dtype, entity, field);
            if (value != null) {
                values.put(field, value);
            }
        }
        if (id == null) {
            throw new ContentException(start, "a row has no object_id");
        }
        return new StoredRow(id, values);
    }

    private static void expectObject(JsonParser in, String problem) {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw new ContentException(in.currentTokenLocation(), problem);
        }
    }
}
