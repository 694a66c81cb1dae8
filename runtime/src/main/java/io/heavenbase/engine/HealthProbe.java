package io.heavenbase.engine;

import io.heavenbase.BackendHealth;
import io.heavenbase.spi.Backend;

/** Pings one backend and reports up/down with the round-trip time and a password-free message. */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static BackendHealth probe(Backend backend) {
        long start = System.nanoTime();
        try {
            backend.ping();
            return new BackendHealth(backend.name(), backend.type(), true, elapsedMillis(start), "UP");
        } catch (RuntimeException e) {
            return new BackendHealth(backend.name(), backend.type(), false, elapsedMillis(start),
                    SecretRedaction.redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
