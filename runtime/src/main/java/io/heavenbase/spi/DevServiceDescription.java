package io.heavenbase.spi;

import java.util.List;
import java.util.Map;

/**
 * What HeavenBase Dev Services can start for a server backend type whose connection key is not set: a container
 * (when a container runtime is available) and an embedded server (on this machine, without one). Either may be
 * null. Pure data: the Quarkus extension turns it into a container or starts the embedded server.
 *
 * @param container the container, or null
 * @param embedded the embedded server, or null
 */
public record DevServiceDescription(Container container, Embedded embedded) {

    /**
     * A container.
     *
     * @param image the default image (users can override it per type)
     * @param ports the exposed ports; the first one is the port the connection uses
     * @param env environment variables
     * @param command the command, or empty for the image's own
     * @param files files copied into the container before it starts: path to content
     * @param readiness when the container is ready
     * @param connection the backend keys that reach the started container, in order, as templates in which
     *     {@code {host}} and {@code {port}} (the published first port) are replaced
     */
    public record Container(String image, List<Integer> ports, Map<String, String> env, List<String> command,
            Map<String, String> files, Readiness readiness, Map<String, String> connection) {

        public Container {
            ports = List.copyOf(ports);
            env = Map.copyOf(env);
            command = List.copyOf(command);
            files = Map.copyOf(files);
            connection = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(connection));
        }

        /** The connection keys for a server at {@code host}, first port published as {@code port}. */
        public Map<String, String> connection(String host, int port) {
            Map<String, String> keys = new java.util.LinkedHashMap<>();
            connection.forEach((key, template) -> keys.put(key,
                    template.replace("{host}", host).replace("{port}", Integer.toString(port))));
            return keys;
        }
    }

    /**
     * When a container is ready: a log line seen {@code times} times, or an HTTP status on a path and port.
     *
     * @param logPattern a regular expression over one log line, or null
     * @param times how often the log line must appear
     * @param httpPath the HTTP path, or null
     * @param httpPort the container port the path is asked on
     * @param httpStatus the status that means ready
     */
    public record Readiness(String logPattern, int times, String httpPath, int httpPort, int httpStatus) {

        /** Ready once {@code pattern} matched {@code times} log lines. */
        public static Readiness log(String pattern, int times) {
            return new Readiness(pattern, times, null, 0, 0);
        }

        /** Ready once {@code path} on {@code port} answers {@code status}. */
        public static Readiness http(String path, int port, int status) {
            return new Readiness(null, 0, path, port, status);
        }
    }

    /**
     * A server started on this machine without a container runtime.
     *
     * @param description what is started, for logs
     * @param serverClass the class that starts it: a public class with a no-argument constructor implementing the
     *     Quarkus extension's {@code io.heavenbase.quarkus.deployment.devservices.EmbeddedServer}, loaded by name
     *     only when the server starts
     * @param markerClass a class of the library the server needs, or null when it is always there
     * @param library the Maven coordinates of that library, for the warning when it is missing
     * @param providedKeys the backend keys the started server fills in
     * @param dataSourceKinds the Quarkus datasource {@code db-kind}s the server can also serve, when the backend
     *     uses a datasource that has no URL; empty for none
     */
    public record Embedded(String description, String serverClass, String markerClass, String library,
            List<String> providedKeys, java.util.Set<String> dataSourceKinds) {

        public Embedded {
            providedKeys = List.copyOf(providedKeys);
            dataSourceKinds = java.util.Set.copyOf(dataSourceKinds);
        }
    }
}
