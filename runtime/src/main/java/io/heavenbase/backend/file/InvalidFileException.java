package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonLocation;
import java.nio.file.Path;

/**
 * A file of a file backend that cannot be read as written by HeavenBase (corrupt or hand-edited
 * badly). The message names the file and the position: line and column for JSON, byte offset for
 * CBOR. Backends report it as a {@link io.heavenbase.BackendException}.
 */
class InvalidFileException extends RuntimeException {

    InvalidFileException(Path file, JsonLocation location, String problem, Throwable cause) {
        super("invalid file '" + file + "' at " + position(location) + ": " + problem, cause);
    }

    InvalidFileException(Path file, String problem) {
        super("invalid file '" + file + "': " + problem);
    }

    static String position(JsonLocation location) {
        if (location != null && location.getLineNr() > 0) {
            return "line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        if (location != null && location.getByteOffset() >= 0) {
            return "byte offset " + location.getByteOffset();
        }
        return "an unknown position";
    }
}
