package io.heavenbase.backend.chroma;

import io.heavenbase.BackendException;

/** A collection known by id no longer exists on the server (dropped by another client). */
final class CollectionGoneException extends BackendException {

    CollectionGoneException(String backend, String operation, String collectionId) {
        super(backend, operation, "Chroma collection " + collectionId + " no longer exists", null);
    }
}
