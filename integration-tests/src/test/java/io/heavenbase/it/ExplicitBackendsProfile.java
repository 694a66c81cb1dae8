package io.heavenbase.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The seed's explicit backend map instead of a preset: sqlite {@code main} in memory and inmem {@code scratch}. */
public class ExplicitBackendsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "heavenbase.preset", "",
                "heavenbase.backends.main.type", "sqlite",
                "heavenbase.backends.main.database", ":memory:",
                "heavenbase.backends.scratch.type", "inmem");
    }
}
