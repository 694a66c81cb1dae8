package io.heavenbase.backend.file;

import java.nio.file.Path;

/**
 * A row file refers to an Artifact file that does not exist: either a writer replaced the row and
 * removed the old artifact while it was being read (a retry with the new row succeeds), or the
 * directory was damaged.
 */
final class MissingArtifactException extends InvalidFileException {

    MissingArtifactException(Path rowFile, Path artifactFile, String field) {
        super(rowFile, "field '" + field + "' refers to the artifact file '" + artifactFile.getFileName()
                + "', which is missing");
    }
}
