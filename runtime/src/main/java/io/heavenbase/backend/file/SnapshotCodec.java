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
    private static final DocumentReader.Format DOCUMENT = new DocumentReader.Format(FORMAT, VERSION, "entity file");

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
        RowCodec rowCodec = new RowCodec(entity, RowCodec.Artifacts.INLINE);
        DocumentReader document = DocumentReader.begin(in, DOCUMENT, rowCodec);
        String revision = null;
        SortedMap<String, StoredRow> rows = null;
        for (String key = document.nextKey(); key != null; key = document.nextKey()) {
            switch (key) {
                case "revision":
                    revision = text(in, document.value(), "\"revision\" must be a non-empty string");
                    break;
                case "rows":
                    rows = readRows(in, rowCodec, document.fieldsBefore(key));
                    break;
                default:
                    throw document.unknownKey(key);
            }
        }
        if (!document.complete() || revision == null || rows == null) {
            throw new ContentException(in.currentLocation(),
                    "the document needs \"format\", \"version\", \"revision\", \"entity\", \"fields\" and \"rows\"");
        }
        return new EntitySnapshot(revision, document.fields(), rows);
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

    private static String text(JsonParser in, JsonToken value, String problem) throws IOException {
        if (value != JsonToken.VALUE_STRING || in.getText().isEmpty()) {
            throw new ContentException(in.currentTokenLocation(), problem);
        }
        return in.getText();
    }
}
