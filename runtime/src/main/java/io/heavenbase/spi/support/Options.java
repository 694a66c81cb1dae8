package io.heavenbase.spi.support;

import io.heavenbase.ConfigurationException;
import io.heavenbase.Metric;
import io.heavenbase.ValidationException;
import io.heavenbase.spi.BackendConfig;

/**
 * Typed backend options beyond {@link BackendConfig}'s strings and integers, each failing with a
 * {@link ConfigurationException} that names the full property and the value it got.
 */
public final class Options {

    private Options() {
    }

    /** The vector metric under {@code key}: {@code cosine} (the default), {@code dot} or {@code l2}. */
    public static Metric metric(BackendConfig config, String key) {
        try {
            return Metric.parse(config.string(key, Metric.COSINE.id()));
        } catch (ValidationException e) {
            throw new ConfigurationException(config.property(key),
                    config.property(key) + " must be cosine, dot or l2, got '" + config.string(key, "") + "'");
        }
    }

    /** The integer under {@code key} ({@code defaultValue} when unset), refused below {@code minimum}. */
    public static int atLeast(BackendConfig config, String key, int defaultValue, int minimum) {
        int value = config.integer(key, defaultValue);
        if (value < minimum) {
            throw new ConfigurationException(config.property(key),
                    config.property(key) + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }
}
