package io.heavenbase.spi;

import java.util.Objects;

/**
 * How a backend type reaches its server, as data the Quarkus extension reads at build and run time.
 *
 * @param connectionKey the key that, when set, means the application brings its own server (e.g. {@code url}),
 *     or null for types that need no server (embedded and file types)
 * @param takesDataSource whether the type can take an Agroal datasource instead of its connection key (a SQL
 *     server type); it is handed over as a {@code javax.sql.DataSource} under
 *     {@link BackendConfig#DATA_SOURCE_OBJECT}
 * @param clientBean a client bean of another Quarkus extension the type can take instead, or null
 */
public record ConnectionFacts(String connectionKey, boolean takesDataSource, ClientBean clientBean) {

    private static final ConnectionFacts NONE = new ConnectionFacts(null, false, null);

    /** A type that needs no server. */
    public static ConnectionFacts none() {
        return NONE;
    }

    /** A server type reached through {@code connectionKey} only. */
    public static ConnectionFacts server(String connectionKey) {
        return new ConnectionFacts(Objects.requireNonNull(connectionKey, "connectionKey"), false, null);
    }

    /** A SQL server type reached through {@code url} or an Agroal datasource. */
    public static ConnectionFacts sqlServer() {
        return new ConnectionFacts("url", true, null);
    }

    /** Whether the type needs a server at all. */
    public boolean needsServer() {
        return connectionKey != null;
    }

    /** These facts with a client bean the type can take when its connection key is not set. */
    public ConnectionFacts withClientBean(ClientBean bean) {
        return new ConnectionFacts(connectionKey, takesDataSource, bean);
    }

    /**
     * A client bean of another Quarkus extension a backend type takes when its connection key is not set; it is
     * handed over under {@link BackendConfig#CLIENT_OBJECT}.
     *
     * @param className the bean's class
     * @param connectionKey the backend key that, when set, is used instead of the bean
     * @param capability the Quarkus capability of the extension that produces the bean
     */
    public record ClientBean(String className, String connectionKey, String capability) {
    }
}
