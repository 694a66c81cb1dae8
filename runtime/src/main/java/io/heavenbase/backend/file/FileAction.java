package io.heavenbase.backend.file;

import java.io.IOException;

/** A file-system step of a file backend, run where its failures become BackendExceptions. */
@FunctionalInterface
interface FileAction<T> {
    T run() throws IOException;
}
