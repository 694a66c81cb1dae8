package io.heavenbase;

/**
 * An operation, type or strategy that a backend cannot serve. The message names the backend, the
 * logical type and the operation (or strategy) that is missing.
 */
public class UnsupportedCapabilityException extends HeavenBaseException {

    private final String backend;
    private final String dtype;
    private final String operation;

    public UnsupportedCapabilityException(String backend, String dtype, String operation, String message) {
        super(message);
        this.backend = backend;
        this.dtype = dtype;
        this.operation = operation;
    }

    public String backend() {
        return backend;
    }

    public String dtype() {
        return dtype;
    }

    public String operation() {
        return operation;
    }
}
