package io.heavenbase.backend.sql.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {

    @TempDir
    Path temp;

    @Test
    void cachesUnderXdgCacheHomeThenUserHomeKeyedByVersionAndPlatform() {
        Properties system = system();
        system.setProperty("user.home", "/home/ann");

        assertThat(SqliteNativeLibrary.cacheDirectory(system, Map.of(), "3.53.4.0"))
                .contains(Path.of("/home/ann/.cache/heavenbase/sqlite-jdbc-3.53.4.0/Linux-amd64"));
        assertThat(SqliteNativeLibrary.cacheDirectory(system, Map.of("XDG_CACHE_HOME", "/var/cache/ann"), "3.53.4.0"))
                .contains(Path.of("/var/cache/ann/heavenbase/sqlite-jdbc-3.53.4.0/Linux-amd64"));
        assertThat(SqliteNativeLibrary.cacheDirectory(system, Map.of("XDG_CACHE_HOME", "relative"), "3.53.5.0"))
                .contains(Path.of("/home/ann/.cache/heavenbase/sqlite-jdbc-3.53.5.0/Linux-amd64"));
        system.setProperty(SqliteNativeLibrary.CACHE_PROPERTY, "/opt/app/native");
        assertThat(SqliteNativeLibrary.cacheDirectory(system, Map.of(), "3.53.4.0"))
                .contains(Path.of("/opt/app/native/sqlite-jdbc-3.53.4.0/Linux-amd64"));
    }

    @Test
    void leavesLoadingToSqliteJdbcWhenTheUserConfiguredItOrTheCacheIsOff() {
        for (String property : List.of("org.sqlite.lib.path", "org.sqlite.lib.name", "org.sqlite.tmpdir",
                SqliteNativeLibrary.LOADED_PROPERTY, "org.graalvm.nativeimage.imagecode")) {
            Properties system = system();
            system.setProperty(property, "/somewhere");
            assertThat(SqliteNativeLibrary.cacheDirectory(system, Map.of(), "3.53.4.0")).as(property).isEmpty();
        }
        Properties off = system();
        off.setProperty(SqliteNativeLibrary.CACHE_PROPERTY, "false");
        assertThat(SqliteNativeLibrary.cacheDirectory(off, Map.of(), "3.53.4.0")).isEmpty();
        Properties homeless = system();
        homeless.setProperty("user.home", "?");
        assertThat(SqliteNativeLibrary.cacheDirectory(homeless, Map.of(), "3.53.4.0")).isEmpty();
        assertThat(SqliteNativeLibrary.cacheDirectory(system(), Map.of(), "")).isEmpty();
    }

    @Test
    void aLaterClassLoaderIsSentPastTheCopyAnotherLoaderAlreadyHolds() {
        Properties system = system();
        assertThat(SqliteNativeLibrary.pathForAnotherClassLoader(system)).isEmpty();
        system.setProperty(SqliteNativeLibrary.LOADED_PROPERTY, "/home/ann/.cache/heavenbase/v/Linux-amd64/libsqlitejdbc.so");
        system.setProperty("org.sqlite.lib.path", "/home/ann/.cache/heavenbase/v/Linux-amd64");

        assertThat(SqliteNativeLibrary.pathForAnotherClassLoader(system))
                .contains("/home/ann/.cache/heavenbase/v/Linux-amd64/not-for-other-class-loaders");

        system.setProperty("org.sqlite.lib.path", "/opt/users/own/path");
        assertThat(SqliteNativeLibrary.pathForAnotherClassLoader(system)).isEmpty();
    }

    @Test
    void aFreshJvmLoadsTheCachedCopyAndTheNextOneReusesItUnchanged() throws Exception {
        Path cache = temp.resolve("cache");
        Map<String, String> first = probe("-D" + SqliteNativeLibrary.CACHE_PROPERTY + "=" + cache);
        Path library = onlyLibraryUnder(cache);
        assertThat(first.get("version")).isNotBlank();
        assertThat(first.get("mapped")).isEqualTo(library.toString());
        assertThat(first.get("marker")).isEqualTo(library.toString());
        assertThat(first.get("libPath")).isEqualTo(library.getParent().toString());
        FileTime extracted = Files.getLastModifiedTime(library);
        Files.setLastModifiedTime(library, FileTime.fromMillis(extracted.toMillis() - 60_000));

        Map<String, String> second = probe("-D" + SqliteNativeLibrary.CACHE_PROPERTY + "=" + cache);

        assertThat(second.get("mapped")).isEqualTo(library.toString());
        assertThat(Files.getLastModifiedTime(library).toMillis()).isEqualTo(extracted.toMillis() - 60_000);
    }

    @Test
    void theWarmUpThreadLoadsTheCachedLibraryBeforeTheFirstConnection() throws Exception {
        Path cache = temp.resolve("cache");

        Map<String, String> result = probe("-D" + SqliteNativeLibrary.CACHE_PROPERTY + "=" + cache,
                SqliteNativeLibraryProbe.class.getName(), "warm-up");

        Path library = onlyLibraryUnder(cache);
        assertThat(result.get("warmedMarker")).isEqualTo(library.toString());
        assertThat(result.get("mapped")).isEqualTo(library.toString());
        assertThat(result.get("version")).isNotBlank();
    }

    @Test
    void aTruncatedCopyIsReplacedBeforeItIsLoaded() throws Exception {
        Path cache = temp.resolve("cache");
        probe("-D" + SqliteNativeLibrary.CACHE_PROPERTY + "=" + cache);
        Path library = onlyLibraryUnder(cache);
        long size = Files.size(library);
        byte[] bytes = Files.readAllBytes(library);
        Files.write(library, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Map<String, String> next = probe("-D" + SqliteNativeLibrary.CACHE_PROPERTY + "=" + cache);

        assertThat(next.get("version")).isNotBlank();
        assertThat(next.get("mapped")).isEqualTo(library.toString());
        assertThat(Files.size(library)).isEqualTo(size);
    }

    @Test
    void theUsersOwnSqliteTmpdirIsRespected() throws Exception {
        Path cache = temp.resolve("cache");
        Path own = Files.createDirectories(temp.resolve("own"));

        Map<String, String> result = probe("-D" + SqliteNativeLibrary.CACHE_PROPERTY + "=" + cache,
                "-Dorg.sqlite.tmpdir=" + own);

        assertThat(result.get("version")).isNotBlank();
        assertThat(result.get("mapped")).startsWith(own + "/");
        assertThat(result.get("marker")).isEqualTo("null");
        assertThat(cache).doesNotExist();
    }

    private static Properties system() {
        Properties system = new Properties();
        system.setProperty("os.name", "Linux");
        system.setProperty("os.arch", "amd64");
        system.setProperty("user.home", "/home/ann");
        return system;
    }

    private static Path onlyLibraryUnder(Path cache) throws IOException {
        try (var files = Files.walk(cache)) {
            List<Path> libraries = files.filter(file -> file.getFileName().toString().endsWith(".so")
                    || file.getFileName().toString().endsWith(".dylib") || file.getFileName().toString().endsWith(".dll"))
                    .toList();
            assertThat(libraries).hasSize(1);
            return libraries.get(0);
        }
    }

    /**
     * Runs {@link SqliteNativeLibraryProbe} in a new JVM with this test's class path and returns what it printed;
     * arguments for the probe follow its class name.
     */
    private Map<String, String> probe(String... jvmOptionsThenMainAndArguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> options = new ArrayList<>(List.of(jvmOptionsThenMainAndArguments));
        List<String> arguments = new ArrayList<>();
        int main = options.indexOf(SqliteNativeLibraryProbe.class.getName());
        if (main >= 0) {
            arguments.addAll(options.subList(main + 1, options.size()));
            options = new ArrayList<>(options.subList(0, main));
        }
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SqliteNativeLibraryProbe.class.getName()));
        command.addAll(arguments);
        Path output = temp.resolve("probe-" + System.nanoTime() + ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : printed.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1).trim());
            }
        }
        return values;
    }
}
