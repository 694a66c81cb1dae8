package io.heavenbase.backend.sql.sqlite;

import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Loads sqlite-jdbc's native library from a per-user cache instead of letting sqlite-jdbc extract it to
 * the temporary directory under a new random name on every JVM start (which cost a noticeable part of
 * an application's start-up). The copy lives in
 * {@code ${XDG_CACHE_HOME:-~/.cache}/heavenbase/sqlite-jdbc-<version>/<os>-<arch>/} (or under the directory
 * named by the system property {@value #CACHE_PROPERTY}), is verified before every use
 * ({@link NativeLibraryCache}) and is handed to sqlite-jdbc through its own {@code org.sqlite.lib.path} and
 * {@code org.sqlite.lib.name} properties.
 *
 * <p>Nothing changes when the user configured sqlite-jdbc's native loading ({@code org.sqlite.lib.path},
 * {@code org.sqlite.lib.name} or {@code org.sqlite.tmpdir}), when {@value #CACHE_PROPERTY} is {@code false},
 * in a native image, or when another class loader of this JVM already loaded the cached copy (a library can belong to one class
 * loader only). On any failure sqlite-jdbc's own loader runs as before.
 */
final class SqliteNativeLibrary {

    /** A directory for the cache, or {@code false} to leave native loading to sqlite-jdbc. */
    static final String CACHE_PROPERTY = "io.heavenbase.sqlite.nativeCache";
    /** Set JVM-wide once a class loader loaded the cached copy: another loader could not load it again. */
    static final String LOADED_PROPERTY = "io.heavenbase.sqlite.nativeCache.loaded";
    private static final String LIB_PATH = "org.sqlite.lib.path";
    private static final String LIB_NAME = "org.sqlite.lib.name";
    private static final String TMPDIR = "org.sqlite.tmpdir";
    /** Set in a GraalVM native image, whose build decides how the library is packaged. */
    private static final String NATIVE_IMAGE = "org.graalvm.nativeimage.imagecode";

    private SqliteNativeLibrary() {
    }

    /** Loads the native library through the cache once per class loader; later calls return at once. */
    static void prepare() {
        Once.touch();
    }

    /**
     * The cache directory to use under these system properties and environment, or empty when sqlite-jdbc
     * should load the library its own way.
     */
    static Optional<Path> cacheDirectory(Properties system, Map<String, String> environment, String version) {
        if (system.getProperty(LIB_PATH) != null || system.getProperty(LIB_NAME) != null
                || system.getProperty(TMPDIR) != null || system.getProperty(LOADED_PROPERTY) != null
                || system.getProperty(NATIVE_IMAGE) != null) {
            return Optional.empty();
        }
        String configured = system.getProperty(CACHE_PROPERTY);
        if ("false".equalsIgnoreCase(configured) || version == null || version.isBlank()) {
            return Optional.empty();
        }
        try {
            Path base;
            if (configured != null && !configured.isBlank()) {
                base = Path.of(configured);
            } else {
                String xdg = environment.get("XDG_CACHE_HOME");
                String home = system.getProperty("user.home");
                if (xdg != null && Path.of(xdg).isAbsolute()) {
                    base = Path.of(xdg, "heavenbase");
                } else if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
                    base = Path.of(home, ".cache", "heavenbase");
                } else {
                    return Optional.empty();
                }
            }
            String platform = system.getProperty("os.name", "unknown") + "-" + system.getProperty("os.arch", "unknown");
            return Optional.of(base.resolve("sqlite-jdbc-" + version).resolve(platform.replaceAll("[^A-Za-z0-9._-]", "_"))
                    .toAbsolutePath());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Hands {@code library} to sqlite-jdbc's loader through its path and name properties. They stay set: removing
     * a system property races with any thread that lists the properties and then reads each one (it would read
     * null). Returns whether sqlite-jdbc ended with a loaded library.
     */
    static boolean loadWith(Path library) throws Exception {
        System.setProperty(LIB_PATH, library.getParent().toString());
        System.setProperty(LIB_NAME, library.getFileName().toString());
        return SQLiteJDBCLoader.initialize();
    }

    /**
     * When another class loader of this JVM already loaded the cached copy and left sqlite-jdbc's path property
     * pointing at it, the path sqlite-jdbc should look at instead: one without the library, so that it goes on
     * quietly to extracting a copy of its own (loading the same file again would fail, with an error logged).
     */
    static Optional<String> pathForAnotherClassLoader(Properties system) {
        String loaded = system.getProperty(LOADED_PROPERTY);
        if (loaded == null) {
            return Optional.empty();
        }
        Path library = Path.of(loaded);
        if (!String.valueOf(library.getParent()).equals(system.getProperty(LIB_PATH))) {
            return Optional.empty();
        }
        return Optional.of(library.getParent().resolve("not-for-other-class-loaders").toString());
    }

    private static void load() {
        Optional<String> elsewhere = pathForAnotherClassLoader(System.getProperties());
        if (elsewhere.isPresent()) {
            System.setProperty(LIB_PATH, elsewhere.get());
            return;
        }
        Optional<Path> directory = cacheDirectory(System.getProperties(), System.getenv(),
                SQLiteJDBCLoader.getVersion());
        if (directory.isEmpty()) {
            return;
        }
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            Path library = new NativeLibraryCache(directory.get(), name).install(SqliteNativeLibrary::resource);
            if (loadWith(library)) {
                System.setProperty(LOADED_PROPERTY, library.toString());
            }
        } catch (Exception | LinkageError e) {
            // sqlite-jdbc extracts and loads the library itself on the first connection.
            System.getLogger(SqliteNativeLibrary.class.getName()).log(System.Logger.Level.DEBUG,
                    "SQLite native library cache not used; sqlite-jdbc loads its library itself", e);
        }
    }

    /** The library resource sqlite-jdbc itself would extract on this platform. */
    private static URL resource() {
        String path = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        return SQLiteJDBCLoader.class.getResource(path);
    }

    /** Runs {@link #load()} once per class loader, on first use. */
    private static final class Once {

        static {
            load();
        }

        static void touch() {
            // Loading happens in the class initializer.
        }
    }
}
