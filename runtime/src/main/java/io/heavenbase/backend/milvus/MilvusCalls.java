package io.heavenbase.backend.milvus;

import io.heavenbase.BackendException;
import io.heavenbase.HeavenBaseException;
import java.util.function.Supplier;

/**
 * Runs one Milvus call and turns a client failure into a {@link BackendException} that names the
 * backend and the operation, with the configured token masked out of the message.
 */
final class MilvusCalls {

    private static final String MASK = "****";

    private final String backend;
    private final String token;

    MilvusCalls(String backend, String token) {
        this.backend = backend;
        this.token = token;
    }

    <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (HeavenBaseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackendException(backend, operation, redact(describe(e)), e);
        }
    }

    void run(String operation, Runnable call) {
        call(operation, () -> {
            call.run();
            return null;
        });
    }

    String redact(String message) {
        if (message == null || token.isEmpty()) {
            return message;
        }
        return message.replace(token, MASK);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
