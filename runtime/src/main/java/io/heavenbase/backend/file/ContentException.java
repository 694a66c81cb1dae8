package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonLocation;

/** A value or structure in a file that does not fit the format, at a parser location. */
final class ContentException extends RuntimeException {

    private final JsonLocation location;

    ContentException(JsonLocation location, String problem) {
        super(problem);
        this.location = location;
    }

    JsonLocation location() {
        return location;
    }
}
