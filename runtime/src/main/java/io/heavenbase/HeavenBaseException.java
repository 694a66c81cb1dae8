package io.heavenbase;

/**
 * Root of every error HeavenBase raises. Unchecked, so application code only catches what it can
 * act on. Subtypes say which part the caller has to look at: {@link ValidationException} (data),
 * {@link ConfigurationException} (a property), {@link UnsupportedCapabilityException} (a backend
 * that cannot do an operation) and {@link BackendException} (a store that failed).
 */
public class HeavenBaseException extends RuntimeException {

    public HeavenBaseException(String message) {
        super(message);
    }

    public HeavenBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
