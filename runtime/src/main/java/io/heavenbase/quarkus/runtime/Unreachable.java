package io.heavenbase.quarkus.runtime;

import java.io.IOException;
import java.sql.SQLException;
import java.util.function.Supplier;

import io.heavenbase.BackendException;
import io.heavenbase.HeavenBaseException;
import io.heavenbase.spi.Backend;

/**
 * Tells a server that cannot be reached (a refused or dropped connection, a failing driver call) from a
 * configuration error, which must still stop startup.
 */
final class Unreachable {

    /** The SQLSTATE class of connection exceptions (SQL standard), which drivers use for a refused or lost server. */
    private static final String CONNECTION_EXCEPTION = "08";

    private Unreachable() {
    }

    /**
     * Opens a backend bean; a connection failure becomes a {@link BackendException} naming the backend, so that
     * callers and the startup check see which backend is down.
     */
    static Backend open(String name, Supplier<Backend> bean) {
        try {
            return bean.get();
        } catch (RuntimeException e) {
            if (e instanceof BackendException || !is(e)) {
                throw e;
            }
            HeavenBaseException reason = reason(e);
            // The container wraps the backend's own exception, whose message names the property to check.
            throw new BackendException(name, "connect", reason != null ? reason.getMessage() : String.valueOf(e),
                    reason != null ? reason : e);
        }
    }

    private static HeavenBaseException reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HeavenBaseException heavenBase) {
                return heavenBase;
            }
        }
        return null;
    }

    /** Whether a failure comes from a server that did not answer rather than from the configuration. */
    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }
}
