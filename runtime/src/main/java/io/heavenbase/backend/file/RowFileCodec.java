package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
    private static final DocumentReader.Format DOCUMENT = new DocumentReader.Format(FORMAT, VERSION, "row file");

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
        DocumentReader document = DocumentReader.begin(in, DOCUMENT, rowCodec);
        StoredRow row = null;
        for (String key = document.nextKey(); key != null; key = document.nextKey()) {
            if (!key.equals("row")) {
                throw document.unknownKey(key);
            }
            row = rowCodec.readRow(in, document.fieldsBefore(key));
        }
        if (!document.complete() || row == null) {
            throw new ContentException(in.currentLocation(),
                    "the document needs \"format\", \"version\", \"entity\", \"fields\" and \"row\"");
        }
        return new RowFile(document.fields(), row);
    }
}
