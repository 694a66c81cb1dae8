package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * An {@code Artifact} value kept in its own file by the {@code file} backend: its size and SHA-256.
 * The file name derives from the row's object id, the field name and the content hash, never from
 * the row file's text, so a hand-edited row file cannot point outside its directory. New content
 * gets a new name, so a row and its artifacts change together atomically (the row file is renamed
 * last).
 */
record ArtifactRef(long size, String sha256) {

    static final String SUFFIX = ".bin";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    static ArtifactRef of(byte[] content) {
        return new ArtifactRef(content.length, SafeFileName.sha256Hex(content));
    }

    /** {@code <object-id>.<field>.<first 16 hex of sha256>.bin}, each part a {@link SafeFileName}. */
    String fileName(String objectId, String field) {
        return SafeFileName.of(objectId) + "." + SafeFileName.of(field) + "." + sha256.substring(0, 16) + SUFFIX;
    }

    boolean matches(byte[] content) {
        return content.length == size && SafeFileName.sha256Hex(content).equals(sha256);
    }

    void write(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeNumberField("size", size);
        out.writeStringField("sha256", sha256);
        out.writeEndObject();
    }

    /** Reads {@code {"size": n, "sha256": "..."}} at the current token. */
    static ArtifactRef read(JsonParser in, String field) throws IOException {
        JsonLocation start = in.currentTokenLocation();
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw new ContentException(start, "field '" + field
                    + "' (Artifact) expects a reference {\"size\": ..., \"sha256\": ...}, found " + in.currentToken());
        }
        Long size = null;
        String sha256 = null;
        while (ValueCodec.next(in) == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            JsonToken value = ValueCodec.next(in);
            if (key.equals("size") && value == JsonToken.VALUE_NUMBER_INT && in.getLongValue() >= 0) {
                size = in.getLongValue();
            } else if (key.equals("sha256") && value == JsonToken.VALUE_STRING
                    && SHA256.matcher(in.getText()).matches()) {
                sha256 = in.getText();
            } else {
                throw new ContentException(in.currentTokenLocation(), "field '" + field
                        + "' (Artifact) has an invalid reference entry '" + key + "'");
            }
        }
        if (size == null || sha256 == null) {
            throw new ContentException(start, "field '" + field + "' (Artifact) needs both size and sha256");
        }
        return new ArtifactRef(size, sha256);
    }
}
