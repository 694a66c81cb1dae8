package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.heavenbase.schema.DType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads and writes the entity file of the {@code json} and {@code pickle} backends:
 *
 * <pre>
 * {
 *   "format": "heavenbase.entity",
 *   "version": 1,
 *   "revision": "9f2c...",
 *   "entity": "article",
 *   "fields": { "tags": "Array[ShortText]", "title": "ShortText" },
 *   "rows": [ { "object_id": "a1", "tags": [ "x" ], "title": "Hello" } ]
 * }
 * </pre>
 *
 * The keys come in this order (the revision early, so it is read cheaply), rows sorted by
 * object id, null values omitted. Reading is strict: unknown keys, undeclared fields, duplicate ids
 * and values that break their type are errors naming the file and position.
 */
final class SnapshotCodec {

    static final String FORMAT = "heavenbase.entity";
    static final int VERSION = 1;

    private final FileEncoding encoding;

    SnapshotCodec(FileEncoding encoding) {
        this.encoding = encoding;
    }

    void write(Path file, String entity, EntitySnapshot snapshot) throws IOException {
        RowCodec rows = new RowCodec(entity, RowCodec.Artifacts.INLINE);
        DurableFiles.replace(file, out -> {
            try (JsonGenerator generator = encoding.generator(out)) {
                generator.writeStartObject();
                generator.writeStringField("format", FORMAT);
                generator.writeNumberField("version", VERSION);
                generator.writeStringField("revision", snapshot.revision());
                generator.writeStringField("entity", entity);
                generator.writeFieldName("fields");
                RowCodec.writeFields(generator, snapshot.fields());
                generator.writeArrayFieldStart("rows");
                for (StoredRow row : snapshot.rows().values()) {
                    rows.writeRow(generator, row, snapshot.fields());
                }
                generator.writeEndArray();
                generator.writeEndObject();
                encoding.finish(generator);
            }
        }, DurableFiles.Sync.FILE_AND_DIRECTORY);
    }

    /** The file's content, {@link EntitySnapshot#ABSENT} when the file does not exist. */
    EntitySnapshot read(Path file, String entity) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = encoding.parser(in)) {
            return parse(parser, entity);
        } catch (NoSuchFileException e) {
            return EntitySnapshot.ABSENT;
        } catch (ContentException e) {
            throw new InvalidFileException(file, e.location(), e.getMessage(), e);
        } catch (StreamReadException e) {
            throw new InvalidFileException(file, e.getLocation(), e.getOriginalMessage(), e);
        }
    }

    /**
     * The revision recorded at the start of the file, reading only the first few tokens: {@code ""}
     * when the file does not exist, {@code null} when it cannot be told (a full read reports why).
     */
    String readRevision(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = encoding.parser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (key.equals("revision")) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                if (key.equals("fields") || key.equals("rows")) {
                    return null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (NoSuchFileException e) {
            return EntitySnapshot.ABSENT.revision();
        } catch (StreamReadException e) {
            return null;
        }
    }

    private EntitySnapshot parse(JsonParser in, String entity) throws IOException {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            throw new ContentException(in.currentTokenLocation(), "a HeavenBase entity file starts with an object");
        }
        RowCodec rowCodec = new RowCodec(entity, RowCodec.Artifacts.INLINE);
        boolean formatSeen = false;
        boolean versionSeen = false;
        boolean entitySeen = false;
        String revision = null;
        Map<String, DType> fields = null;
        SortedMap<String, StoredRow> rows = null;
        while (ValueCodec.next(in) == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            JsonLocation keyAt = in.currentTokenLocation();
            JsonToken value = ValueCodec.next(in);
            switch (key) {
                case "format":
                    requireText(in, value, FORMAT, "this is not a HeavenBase entity file (\"format\" is not \""
                            + FORMAT + "\")");
                    formatSeen = true;
                    break;
                case "version":
                    if (value != JsonToken.VALUE_NUMBER_INT || in.getLongValue() < 1) {
                        throw new ContentException(in.currentTokenLocation(), "\"version\" must be a positive integer");
                    }
                    if (in.getLongValue() > VERSION) {
                        throw new ContentException(in.currentTokenLocation(), "format version " + in.getLongValue()
                                + " was written by a newer HeavenBase; this one reads version " + VERSION);
                    }
                    versionSeen = true;
                    break;
                case "revision":
                    revision = text(in, value, "\"revision\" must be a non-empty string");
                    break;
                case "entity":
                    requireText(in, value, entity, "the file holds another entity than '" + entity + "'");
                    entitySeen = true;
                    break;
                case "fields":
                    fields = rowCodec.readFields(in);
                    break;
                case "rows":
                    if (fields == null) {
                        throw new ContentException(keyAt, "\"fields\" must come before \"rows\"");
                    }
                    rows = readRows(in, rowCodec, fields);
                    break;
                default:
                    throw new ContentException(keyAt, "unknown key '" + key + "'");
            }
        }
        if (in.nextToken() != null) {
            throw new ContentException(in.currentTokenLocation(), "content after the end of the document");
        }
        if (!formatSeen || !versionSeen || revision == null || !entitySeen || fields == null || rows == null) {
            throw new ContentException(in.currentLocation(),
                    "the document needs \"format\", \"version\", \"revision\", \"entity\", \"fields\" and \"rows\"");
        }
        return new EntitySnapshot(revision, fields, rows);
    }

    private static SortedMap<String, StoredRow> readRows(JsonParser in, RowCodec codec, Map<String, DType> fields)
            throws IOException {
        if (in.currentToken() != JsonToken.START_ARRAY) {
            throw new ContentException(in.currentTokenLocation(), "\"rows\" must be an array");
        }
        SortedMap<String, StoredRow> rows = new TreeMap<>();
        while (ValueCodec.next(in) != JsonToken.END_ARRAY) {
            JsonLocation start = in.currentTokenLocation();
            StoredRow row = codec.readRow(in, fields);
            if (rows.putIfAbsent(row.objectId(), row) != null) {
                throw new ContentException(start, "object_id '" + row.objectId() + "' appears twice");
            }
        }
        return rows;
    }

    private static void requireText(JsonParser in, JsonToken value, String expected, String problem)
            throws IOException {
        if (value != JsonToken.VALUE_STRING || !in.getText().equals(expected)) {
            throw new ContentException(in.currentTokenLocation(), problem);
        }
    }

    private static String text(JsonParser in, JsonToken value, String problem) throws IOException {
        if (value != JsonToken.VALUE_STRING || in.getText().isEmpty()) {
            throw new ContentException(in.currentTokenLocation(), problem);
        }
        return in.getText();
    }
}
