package io.heavenbase.backend.sql.mysql;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.exceptionsorter.MySQLExceptionSorter;
import io.heavenbase.backend.sql.AgroalPools;
import java.sql.SQLException;

/**
 * The backend's own Agroal connection pool for a {@code url} (Agroal also runs outside Quarkus).
 * Connections use MySQL Connector/J with UTF-8 (utf8mb4) and batched inserts rewritten into
 * multi-row statements, and start with the session settings of {@link MysqlConnectionSource}.
 */
final class MysqlPool {

    static final String DRIVER = "com.mysql.cj.jdbc.Driver";
    /** MariaDB Connector/J, which speaks the same protocol; used when Connector/J is absent. */
    static final String MARIADB_DRIVER = "org.mariadb.jdbc.Driver";
    static final String POOL_CLASS = "io.agroal.pool.DataSource";
    private static final int MAX_CONNECTIONS = 8;

    private MysqlPool() {
    }

    /**
     * Connections from a new pool for {@code url}; {@code username} and {@code password} may be
     * null (then the URL's apply). Only this class names Agroal types, so the provider loads
     * without Agroal on the classpath.
     */
    static MysqlConnectionSource open(String url, String username, String password) throws SQLException {
        boolean connectorJ = isPresent(DRIVER);
        String driver = connectorJ ? DRIVER : MARIADB_DRIVER;
        // MariaDB Connector/J refuses the jdbc:mysql: scheme unless told to accept it.
        String jdbcUrl = connectorJ ? url : "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
        AgroalDataSource pool = AgroalPools.open(MAX_CONNECTIONS, false, new MySQLExceptionSorter(), username, password,
                factory -> factory.connectionProviderClassName(driver).jdbcUrl(jdbcUrl)
                        .jdbcProperty("characterEncoding", "UTF-8")
                        .jdbcProperty("rewriteBatchedStatements", "true")
                        .initialSql(MysqlConnectionSource.sessionSettings()));
        return new MysqlConnectionSource(pool, true, pool);
    }

    /** Whether a class is visible to the backend. */
    static boolean isPresent(String className) {
        try {
            Class.forName(className, false, MysqlPool.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
