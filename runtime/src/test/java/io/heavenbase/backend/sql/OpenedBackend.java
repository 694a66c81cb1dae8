package io.heavenbase.backend.sql;

/** A backend a dialect test opened for one test case, with whatever must be cleaned up after it. */
public interface OpenedBackend extends AutoCloseable {

    /** The backend under test. */
    SqlBackend backend();

    /** Closes the backend and removes what the test stored (tables, schema), if anything outlives it. */
    @Override
    void close();

    /** A backend with nothing to clean up but itself, such as an in-memory database. */
    static OpenedBackend of(SqlBackend backend) {
        return new OpenedBackend() {
            @Override
            public SqlBackend backend() {
                return backend;
            }

            @Override
            public void close() {
                backend.close();
            }
        };
    }
}
