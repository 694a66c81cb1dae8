package io.heavenbase.it;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The debug preset plus a {@code json} backend {@code files} in a directory the test can take away. */
public class FilesBackendProfile implements QuarkusTestProfile {

    /** The same path in every class loader of the test run. */
    static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"),
            "heavenbase-it-files-" + ProcessHandle.current().pid());

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "heavenbase.backends.files.type", "json",
                "heavenbase.backends.files.path", DIRECTORY.toString(),
                "heavenbase.health.timeout", "2s");
    }
}
