package io.heavenbase;

/** Wrong or missing configuration. The message names the property the user has to set or fix. */
public class ConfigurationException extends HeavenBaseException {

    private final String property;

    public ConfigurationException(String property, String message) {
        super(message);
        this.property = property;
    }

    public ConfigurationException(String property, String message, Throwable cause) {
        super(message, cause);
        this.property = property;
    }

    /** The configuration property at fault, for example {@code heavenbase.backends.main.type}. */
    public String property() {
        return property;
    }
}
