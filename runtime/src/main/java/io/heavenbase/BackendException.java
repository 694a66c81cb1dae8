package io.heavenbase;

import java.util.function.Supplier;

/**
 * A store failed while doing its part of an operation. Names the backend and the operation and
 * keeps the driver's exception as the cause. Messages never carry passwords or tokens.
 */
public class BackendException extends HeavenBaseException {

    private final String backend;
    private final String operation;

    public BackendException(String backend, String operation, String message, Throwable cause) {
        super("backend '" + backend + "' failed during " + operation + ": " + message, cause);
        this.backend = backend;
        this.operation = operation;
    }

    public BackendException(String backend, String operation, Throwable cause) {
        this(backend, operation, describe(cause), cause);
    }

    /**
     * The result of {@code call}; a runtime failure that is not already a {@link HeavenBaseException} (a driver's or
     * client's error) becomes a BackendException naming {@code backend} and {@code operation}, the failure its cause.
     */
    public static <T> T wrap(String backend, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (HeavenBaseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackendException(backend, operation, e);
        }
    }

    public String backend() {
        return backend;
    }

    public String operation() {
        return operation;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
