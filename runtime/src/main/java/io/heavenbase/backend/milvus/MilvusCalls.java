package io.heavenbase.backend.milvus;

import io.heavenbase.BackendException;
import io.heavenbase.HeavenBaseException;
import java.util.function.Supplier;

/**
 * Runs one Milvus call and turns a client failure into a {@link BackendException} that names the
 * backend and the operation, with the configured token masked out of the message.
 *
 * @param target the server address and the property that sets it, named when the server is unreachable
 */
record MilvusCalls(String backend, String token, String target) {

    private static final String MASK = "****";

    /** Leaves the token out, like every message of this class. */
    @Override
    public String toString() {
        return "MilvusCalls[backend=" + backend + ", target=" + target + "]";
    }

    <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (HeavenBaseException e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = redact(describe(e));
            throw new BackendException(backend, operation,
                    unreachable(e) ? "cannot reach the Milvus server at " + target + ": " + reason : reason, e);
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

    /**
     * Whether the failure says the server could not be reached: gRPC's UNAVAILABLE or DEADLINE_EXCEEDED (what the
     * SDK reports for a server that does not answer), or a refused connection.
     */
    static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof java.net.ConnectException || message.contains("DEADLINE_EXCEEDED")
                    || message.contains("UNAVAILABLE")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
