package io.heavenbase.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A {@code postgres} backend {@code pg} with no connection: HeavenBase Dev Services start PostgreSQL.
 *
 * <p>
 * The backend is not called {@code main} on purpose: in test mode Quarkus keeps a Dev Service running, and its
 * configuration visible, for the rest of the test run, so a later profile with a {@code sqlite main} would receive
 * {@code heavenbase.backends.main.url} and fail on a key its type does not take.
 */
public class EmbeddedPostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "heavenbase.preset", "",
                "heavenbase.backends.pg.type", "postgres",
                "heavenbase.backends.vec.type", "inmem");
    }
}
