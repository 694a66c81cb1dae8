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
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes one row file of the {@code file} backend:
 *
 * <pre>
 * {
 *   "format": "heavenbase.row",
 *   "version": 1,
 *   "entity": "article",
 *   "fields": { "photo": "Artifact", "title": "ShortText" },
 *   "row": { "object_id": "a1", "photo": { "size": 5, "sha256": "2cf2..." }, "title": "Hello" }
 * }
 * </pre>
 *
 * Artifact values are references to their own files (see {@link ArtifactRef}); everything else is
 * encoded as in the {@code json} backend.
 */
final class RowFileCodec {

    static final String FORMAT = "heavenbase.row";
    static final int VERSION = 1;

    private final String entity;
    private final RowCodec rowCodec;

    RowFileCodec(String entity) {
        this.entity = entity;
        this.rowCodec = new RowCodec(entity, RowCodec.Artifacts.SEPARATE_FILES);
    }

    /** Atomically replaces {@code file}; the caller syncs the directory. */
    void write(Path file, RowFile content) throws IOException {
        DurableFiles.replace(file, out -> {
            try (JsonGenerator generator = FileEncoding.JSON.generator(out)) {
                generator.writeStartObject();
                generator.writeStringField("format", FORMAT);
                generator.writeNumberField("version", VERSION);
                generator.writeStringField("entity", entity);
                generator.writeFieldName("fields");
                RowCodec.writeFields(generator, content.fields());
                generator.writeFieldName("row");
                rowCodec.writeRow(generator, content.row(), content.fields());
                generator.writeEndObject();
                FileEncoding.JSON.finish(generator);
            }
        }, DurableFiles.Sync.FILE);
    }

    /** The content of {@code file}; {@link java.nio.file.NoSuchFileException} when it is gone. */
    RowFile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FileEncoding.JSON.parser(in)) {
            return parse(parser);
        } catch (ContentException e) {
            throw new InvalidFileException(file, e.location(), e.getMessage(), e);
        } catch (StreamReadException e) {
            throw new InvalidFileException(file, e.getLocation(), e.getOriginalMessage(), e);
        }
    }

    private RowFile parse(JsonParser in) throws IOException {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            throw new ContentException(in.currentTokenLocation(), "a HeavenBase row file starts with an object");
        }
        boolean formatSeen = false;
        boolean versionSeen = false;
        boolean entitySeen = false;
        Map<String, DType> fields = null;
        StoredRow row = null;
        while (ValueCodec.next(in) == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            JsonLocation keyAt = in.currentTokenLocation();
            JsonToken value = ValueCodec.next(in);
            switch (key) {
                case "format":
                    require(in, value == JsonToken.VALUE_STRING && in.getText().equals(FORMAT),
                            "this is not a HeavenBase row file (\"format\" is not \"" + FORMAT + "\")");
                    formatSeen = true;
                    break;
                case "version":
                    require(in, value == JsonToken.VALUE_NUMBER_INT && in.getLongValue() >= 1,
                            "\"version\" must be a positive integer");
                    require(in, in.getLongValue() <= VERSION, "format version " + in.getLongValue()
                            + " was written by a newer HeavenBase; this one reads version " + VERSION);
                    versionSeen = true;
                    break;
                case "entity":
                    require(in, value == JsonToken.VALUE_STRING && in.getText().equals(entity),
                            "the file holds another entity than '" + entity + "'");
                    entitySeen = true;
                    break;
                case "fields":
                    fields = rowCodec.readFields(in);
                    break;
                case "row":
                    if (fields == null) {
                        throw new ContentException(keyAt, "\"fields\" must come before \"row\"");
                    }
                    row = rowCodec.readRow(in, fields);
                    break;
                default:
                    throw new ContentException(keyAt, "unknown key '" + key + "'");
            }
        }
        if (in.nextToken() != null) {
            throw new ContentException(in.currentTokenLocation(), "content after the end of the document");
        }
        if (!formatSeen || !versionSeen || !entitySeen || row == null) {
            throw new ContentException(in.currentLocation(),
                    "the document needs \"format\", \"version\", \"entity\", \"fields\" and \"row\"");
        }
        return new RowFile(fields, row);
    }

    private static void require(JsonParser in, boolean condition, String problem) {
        if (!condition) {
            throw new ContentException(in.currentTokenLocation(), problem);
        }
    }
}
