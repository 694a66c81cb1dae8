package io.heavenbase.backend.sql;

import java.util.List;
import java.util.Objects;

/**
 * Removes configured secrets (passwords, tokens) from driver messages before they reach an
 * exception, a log or a health report.
 */
public final class SecretRedactor {

    private static final String MASK = "****";
    private final List<String> secrets;

    public SecretRedactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> !s.isEmpty()).toList();
    }

    public static SecretRedactor none() {
        return new SecretRedactor(List.of());
    }

    public String redact(String message) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
