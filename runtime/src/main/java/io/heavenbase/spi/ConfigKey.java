package io.heavenbase.spi;

import java.util.Objects;

/**
 * One configuration key a backend type takes, as data: its name as spelled in the configuration maps
 * ({@code api-key}), its value type, its default, whether it is a secret, and the text of the reference.
 *
 * @param name the key, kebab-case
 * @param type {@code String.class}, {@code Integer.class} or {@code Boolean.class}; {@code Object.class} for a key
 *     that takes an object in plain Java only (a ready client), which no configuration file can set
 * @param defaultValue the default as text, or null when there is none (or it depends on other keys)
 * @param secret whether the value must never be printed
 * @param doc one or two sentences for the configuration reference
 */
public record ConfigKey(String name, Class<?> type, String defaultValue, boolean secret, String doc) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (type != String.class && type != Integer.class && type != Boolean.class && type != Object.class) {
            throw new IllegalArgumentException("config key '" + name + "' has unsupported type " + type.getName()
                    + ": use String, Integer, Boolean or Object");
        }
    }

    /** A text key without a default. */
    public static ConfigKey text(String name, String doc) {
        return new ConfigKey(name, String.class, null, false, doc);
    }

    /** A text key with a default. */
    public static ConfigKey text(String name, String defaultValue, String doc) {
        return new ConfigKey(name, String.class, defaultValue, false, doc);
    }

    /** A key that takes an object in plain Java only. */
    public static ConfigKey object(String name, String doc) {
        return new ConfigKey(name, Object.class, null, false, doc);
    }

    /** A text key whose value is never printed. */
    public static ConfigKey secret(String name, String doc) {
        return new ConfigKey(name, String.class, null, true, doc);
    }

    /** An integer key with a default (null for none). */
    public static ConfigKey integer(String name, Integer defaultValue, String doc) {
        return new ConfigKey(name, Integer.class, defaultValue == null ? null : defaultValue.toString(), false, doc);
    }
}
