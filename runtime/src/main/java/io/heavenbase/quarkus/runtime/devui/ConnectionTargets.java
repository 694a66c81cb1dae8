package io.heavenbase.quarkus.runtime.devui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.Config;

import io.heavenbase.engine.ProviderRegistry;
import io.heavenbase.engine.SecretRedaction;
import io.heavenbase.quarkus.runtime.BackendRuntimeConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConfigKey;

/**
 * Where a backend connects, for the Dev UI: its address keys ({@code url}, {@code hosts}, {@code path} ...) and, for
 * a backend on a Quarkus datasource, that datasource's JDBC URL. Secrets are never shown: credentials inside a URL
 * and {@code password=} style parameters are masked, and the secret keys ({@code password}, {@code token},
 * {@code api-key}) only say that they are set.
 */
public final class ConnectionTargets {

    /**
     * Keys shown only as set or not: their value is a credential. The keys some provider on the class path marks
     * secret ({@link io.heavenbase.spi.ConfigKey#secret()}), so a backend type from another jar is covered too.
     */
    static final Set<String> SECRET_KEYS = secretKeys();

    /** The mask shown in place of a secret. */
    static final String MASK = "***";

    private ConnectionTargets() {
    }

    /**
     * The target keys of one backend, in a fixed order, only those that are set.
     *
     * @param datasource the Quarkus datasource the backend uses, or null or empty for none
     * @param config the application's configuration, to read the datasource's JDBC URL
     */
    public static Map<String, String> of(BackendRuntimeConfig backend, String datasource, Config config) {
        Map<String, String> out = new LinkedHashMap<>();
        if (datasource != null && !datasource.isEmpty()) {
            out.put("datasource", datasource);
            String prefix = "<default>".equals(datasource) ? "quarkus.datasource."
                    : "quarkus.datasource.\"" + datasource + "\".";
            config.getOptionalValue(prefix + "jdbc.url", String.class)
                    .ifPresent(url -> out.put("jdbc-url", SecretRedaction.redact(url)));
            config.getOptionalValue(prefix + "username", String.class).ifPresent(user -> out.put("username", user));
        }
        put(out, "url", backend.url());
        put(out, "uri", backend.uri());
        put(out, "hosts", backend.hosts());
        put(out, "host", backend.host());
        put(out, "api-url", backend.apiUrl());
        put(out, "path", backend.path());
        put(out, "database", backend.database());
        put(out, "schema", backend.schema());
        put(out, "index", backend.index());
        put(out, "tenant", backend.tenant());
        put(out, "cloud", backend.cloud());
        put(out, "region", backend.region());
        put(out, "prefix", backend.prefix());
        put(out, "username", backend.username());
        backend.password().ifPresent(secret -> out.put("password", MASK));
        backend.token().ifPresent(secret -> out.put("token", MASK));
        backend.apiKey().ifPresent(secret -> out.put("api-key", MASK));
        for (Map.Entry<String, String> option : backend.options().entrySet()) {
            out.put("options." + option.getKey(), isSecret(option.getKey()) ? MASK
                    : SecretRedaction.redact(option.getValue()));
        }
        return out;
    }

    private static Set<String> secretKeys() {
        Set<String> keys = new TreeSet<>();
        for (BackendProvider provider : ProviderRegistry.providers().values()) {
            for (ConfigKey key : provider.keyDescriptions()) {
                if (key.secret()) {
                    keys.add(key.name());
                }
            }
        }
        return Set.copyOf(keys);
    }

    private static boolean isSecret(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return SECRET_KEYS.contains(lower) || lower.contains("password") || lower.contains("secret")
                || lower.contains("token") || lower.contains("key");
    }

    private static void put(Map<String, String> out, String key, Optional<String> value) {
        value.ifPresent(v -> out.put(key, SecretRedaction.redact(v)));
    }
}
