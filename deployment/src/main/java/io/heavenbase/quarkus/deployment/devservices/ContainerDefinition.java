package io.heavenbase.quarkus.deployment.devservices;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * How HeavenBase Dev Services run one backend type in a container: the image, the ports, the environment, and the
 * backend keys that reach the started server.
 *
 * @param defaultImage the image used unless {@code heavenbase.devservices.images."type"} names another
 * @param ports the container ports to publish; the first is the one the backend connects to
 * @param env the container environment
 * @param command the container command, empty for the image's own
 * @param files files written into the container before it starts, by path in the container
 * @param readiness when the started container is ready, created anew for every container
 * @param connection the backend keys (e.g. {@code url}, {@code username}) for the server at a host and published
 *        port
 */
record ContainerDefinition(String defaultImage, List<Integer> ports, Map<String, String> env, List<String> command,
        Map<String, String> files, Supplier<WaitStrategy> readiness,
        BiFunction<String, Integer, Map<String, String>> connection) {

    /** Slow images (OpenSearch, Milvus) on a busy machine need more than the Testcontainers default of 60 s. */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /** The port the backend connects to. */
    int connectionPort() {
        return ports.get(0);
    }

    /** The backend keys of the server at this host and published port. */
    Map<String, String> connection(String host, int publishedPort) {
        return connection.apply(host, publishedPort);
    }

    /** The keys {@link #connection(String, int)} fills in, in order. */
    List<String> providedKeys() {
        return List.copyOf(connection("host", 1).keySet());
    }

    /** A container of this definition running {@code image}; creating it neither pulls nor starts anything. */
    DevServiceContainer create(String image) {
        DevServiceContainer container = new DevServiceContainer(image);
        container.withExposedPorts(ports.toArray(Integer[]::new));
        container.withEnv(env);
        if (!command.isEmpty()) {
            container.withCommand(command.toArray(String[]::new));
        }
        files.forEach((path, content) -> container.withCopyToContainer(Transferable.of(content), path));
        container.waitingFor(readiness.get().withStartupTimeout(STARTUP_TIMEOUT));
        return container;
    }

    /** A plain container that remembers the image it was created for (asking Testcontainers would resolve it). */
    static final class DevServiceContainer extends GenericContainer<DevServiceContainer> {

        private final String image;

        DevServiceContainer(String image) {
            super(DockerImageName.parse(image));
            this.image = image;
        }

        /** The image name as configured. */
        String image() {
            return image;
        }
    }
}
