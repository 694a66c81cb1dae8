package io.heavenbase.spi.support;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.BackendConfig;
import java.util.List;

/**
 * The optional client library a backend needs: the classes that must load, the library's name for messages and
 * the coordinates an application adds. A {@link ProviderBase} with a probe answers
 * {@link io.heavenbase.spi.BackendProvider#available()}, {@code driverMarker()} and {@code missingDriver()} from it.
 *
 * @param name the library as a message names it, e.g. {@code "the Milvus client"}
 * @param coordinates what an application adds, e.g. {@code "io.milvus:milvus-sdk-java:2.6.7"}
 * @param classes the classes that must load; the first is the marker a build step looks for
 */
public record DriverProbe(String name, String coordinates, List<String> classes) {

    /** Copies {@code classes}, which must not be empty. */
    public DriverProbe {
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a driver probe needs at least one class");
        }
    }

    /** The class whose presence marks the library (the first of {@link #classes()}). */
    public String marker() {
        return classes.get(0);
    }

    /** Whether every class loads (without initialization) through {@code loader}. */
    public boolean present(ClassLoader loader) {
        for (String className : classes) {
            try {
                Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fails with the message an application sees when a backend of {@code type} is configured without the library.
     *
     * @throws ConfigurationException when a class of the library does not load through {@code loader}
     */
    public void require(BackendConfig config, String type, ClassLoader loader) {
        if (!present(loader)) {
            throw new ConfigurationException(config.property("type"), "backend '" + config.backendName()
                    + "' has type " + type + " but " + name + " is not on the classpath; add " + coordinates);
        }
    }
}
