package io.heavenbase.quarkus.runtime;

import java.util.Map;
import java.util.Set;

/**
 * The few facts about backend types the Quarkus integration needs beyond the engine's provider registry:
 * which types are SQL servers (they can take an Agroal datasource) and which take a client bean of another
 * Quarkus extension when no connection is configured.
 */
public final class BackendKinds {

    /** Types that reach a SQL server over JDBC and accept a {@code javax.sql.DataSource}. */
    public static final Set<String> SQL_SERVER = Set.of("postgres", "pgvector", "mysql", "oceanbase", "mssql", "oracle",
            "trino", "starrocks");

    /**
     * Types that use a client bean of another extension when their connection key is not set: type to the
     * client's class name and the connection key that, when set, wins over the bean.
     */
    public static final Map<String, ClientBean> CLIENT_BEANS = Map.of("elasticsearch",
            new ClientBean("org.elasticsearch.client.RestClient", "hosts", "io.quarkus.elasticsearch-rest-client"));

    private BackendKinds() {
    }

    public static boolean isSqlServer(String type) {
        return SQL_SERVER.contains(type);
    }

    /**
     * A client bean a backend type can take.
     *
     * @param className the bean's class
     * @param connectionKey the backend key that, when set, is used instead of the bean
     * @param capability the Quarkus capability of the extension that produces the bean
     */
    public record ClientBean(String className, String connectionKey, String capability) {
    }
}
