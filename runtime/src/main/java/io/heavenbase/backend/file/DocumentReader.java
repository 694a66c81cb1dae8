package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.heavenbase.schema.DType;
import java.io.IOException;
import java.util.Map;

/**
 * Reads one HeavenBase document file (a row file, an entity snapshot): a single object whose keys
 * {@code format}, {@code version}, {@code entity} and {@code fields} are read here, and whose other keys
 * {@link #nextKey()} hands to the file's codec, with nothing after the object.
 */
final class DocumentReader {

    /**
     * A kind of document file.
     *
     * @param format the value of its {@code format} key
     * @param version the newest {@code version} this code reads
     * @param document what the file is, for messages: {@code row file}, {@code entity file}
     */
    record Format(String format, int version, String document) {
    }

    private final JsonParser in;
    private final Format format;
    private final RowCodec rowCodec;
    private boolean formatSeen;
    private boolean versionSeen;
    private boolean entitySeen;
    private Map<String, DType> fields;
    private JsonLocation keyAt;
    private JsonToken value;

    private DocumentReader(JsonParser in, Format format, RowCodec rowCodec) {
        this.in = in;
        this.format = format;
        this.rowCodec = rowCodec;
    }

    /**
     * A reader standing inside the document's object, for the entity of {@code rowCodec}.
     *
     * @throws ContentException when the document does not start with an object
     */
    static DocumentReader begin(JsonParser in, Format format, RowCodec rowCodec) throws IOException {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            throw new ContentException(in.currentTokenLocation(),
                    "a HeavenBase " + format.document() + " starts with an object");
        }
        return new DocumentReader(in, format, rowCodec);
    }

    /**
     * The next key that is not read here, the parser standing on its value; null at the end of the object.
     *
     * @throws ContentException when a value read here is not the expected one, or content follows the object
     */
    String nextKey() throws IOException {
        while (ValueCodec.next(in) == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            keyAt = in.currentTokenLocation();
            value = ValueCodec.next(in);
            if (!readOwn(key)) {
                return key;
            }
        }
        if (in.nextToken() != null) {
            throw new ContentException(in.currentTokenLocation(), "content after the end of the document");
        }
        return null;
    }

    /** The token of the value of the key {@link #nextKey()} returned. */
    JsonToken value() {
        return value;
    }

    /** The field types, which the document must give before {@code key}, the key just returned. */
    Map<String, DType> fieldsBefore(String key) {
        if (fields == null) {
            throw new ContentException(keyAt, "\"fields\" must come before \"" + key + "\"");
        }
        return fields;
    }

    /** The field types read; null before {@code fields}. */
    Map<String, DType> fields() {
        return fields;
    }

    /** The failure for the key just returned, which the document's codec does not know. */
    ContentException unknownKey(String key) {
        return new ContentException(keyAt, "unknown key '" + key + "'");
    }

    /** Whether format, version, entity and fields were all read. */
    boolean complete() {
        return formatSeen && versionSeen && entitySeen && fields != null;
    }

    private boolean readOwn(String key) throws IOException {
        switch (key) {
            case "format":
                require(value == JsonToken.VALUE_STRING && in.getText().equals(format.format()), "this is not a HeavenBase "
                        + format.document() + " (\"format\" is not \"" + format.format() + "\")");
                formatSeen = true;
                return true;
            case "version":
                require(value == JsonToken.VALUE_NUMBER_INT && in.getLongValue() >= 1,
                        "\"version\" must be a positive integer");
                require(in.getLongValue() <= format.version(), "format version " + in.getLongValue()
                        + " was written by a newer HeavenBase; this one reads version " + format.version());
                versionSeen = true;
                return true;
            case "entity":
                require(value == JsonToken.VALUE_STRING && in.getText().equals(rowCodec.entity()),
                        "the file holds another entity than '" + rowCodec.entity() + "'");
                entitySeen = true;
                return true;
            case "fields":
                fields = rowCodec.readFields(in);
                return true;
            default:
                return false;
        }
    }

    private void require(boolean condition, String problem) {
        if (!condition) {
            throw new ContentException(in.currentTokenLocation(), problem);
        }
    }
}
