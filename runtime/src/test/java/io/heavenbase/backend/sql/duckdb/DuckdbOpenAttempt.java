package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import java.util.Map;

/**
 * Run in a second JVM by {@link DuckdbFileTest}: tries to open the DuckDB file given as the only
 * argument and prints {@code opened} or {@code refused: <message>}.
 */
public final class DuckdbOpenAttempt {

    private DuckdbOpenAttempt() {
    }

    public static void main(String[] args) {
        try (Backend backend = new DuckdbProvider().open(new BackendConfig("other",
                Map.of("type", "duckdb", "database", args[0])))) {
            backend.ping();
            System.out.println("opened");
        } catch (ConfigurationException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
