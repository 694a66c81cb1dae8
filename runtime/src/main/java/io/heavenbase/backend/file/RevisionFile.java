package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@value #NAME} file of an entity directory of the {@code file} backend:
 * {@code {"revision": "<random>", "complete": true|false}}. A writer sets a new incomplete revision
 * before it touches any row file and a new complete one after its last change, so a reader that
 * finds the complete revision it cached knows that no row file changed since it scanned. It is
 * not fsynced: it only matters to running instances, whose caches a power loss ends anyway.
 */
record RevisionFile(String revision, boolean complete) {

    static final String NAME = ".revision";

    /** The directory's revision, or {@code null} when there is none or it cannot be read. */
    static RevisionFile read(Path directory) throws IOException {
        try (InputStream in = Files.newInputStream(directory.resolve(NAME));
                JsonParser parser = FileEncoding.JSON.parser(in)) {
            String revision = null;
            Boolean complete = null;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (key.equals("revision") && value == JsonToken.VALUE_STRING) {
                    revision = parser.getText();
                } else if (key.equals("complete") && value != null && value.isBoolean()) {
                    complete = parser.getBooleanValue();
                } else {
                    return null;
                }
            }
            return revision == null || complete == null ? null : new RevisionFile(revision, complete);
        } catch (NoSuchFileException e) {
            return null;
        } catch (StreamReadException e) {
            return null;
        }
    }

    void write(Path directory) throws IOException {
        DurableFiles.replace(directory.resolve(NAME), out -> {
            try (JsonGenerator generator = FileEncoding.JSON.generator(out)) {
                generator.writeStartObject();
                generator.writeStringField("revision", revision);
                generator.writeBooleanField("complete", complete);
                generator.writeEndObject();
                FileEncoding.JSON.finish(generator);
            }
        }, DurableFiles.Sync.NONE);
    }
}
