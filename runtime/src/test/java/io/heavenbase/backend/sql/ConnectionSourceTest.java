package io.heavenbase.backend.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

/** Every connection source commits a write as one transaction and rolls a failed one back entirely. */
class ConnectionSourceTest {

    @TempDir
    Path dir;

    private ConnectionSource source(String kind) throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("source.db");
        switch (kind) {
            case "shared":
                return new SharedConnectionSource(DriverManager.getConnection(url));
            case "pooled":
                return new PooledConnectionSource(() -> DriverManager.getConnection(url),
                        () -> DriverManager.getConnection(url), 2);
            default:
                SQLiteDataSource dataSource = new SQLiteDataSource();
                dataSource.setUrl(url);
                return new DataSourceConnectionSource(dataSource);
        }
    }

    private static SqlWork<Void> execute(String... statements) {
        return connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        };
    }

    private static long count(ConnectionSource source) throws SQLException {
        return source.read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM t")) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "pooled", "datasource"})
    void aWriteIsCommittedWhenTheWorkReturns(String kind) throws Exception {
        try (ConnectionSource source = source(kind)) {
            source.write(execute("CREATE TABLE t (x)", "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"));

            assertThat(count(source)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "pooled", "datasource"})
    void aFailingWriteLeavesNothingBehindAndTheNextWriteStartsClean(String kind) throws Exception {
        try (ConnectionSource source = source(kind)) {
            source.write(execute("CREATE TABLE t (x)"));

            assertThatThrownBy(() -> source.write(execute("INSERT INTO t VALUES (1)",
                    "INSERT INTO missing VALUES (2)")))
                    .isInstanceOf(SQLException.class);

            assertThat(count(source)).isZero();
            source.write(execute("INSERT INTO t VALUES (3)"));
            assertThat(count(source)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "pooled"})
    void aClosedSourceRefusesWork(String kind) throws Exception {
        ConnectionSource source = source(kind);
        source.close();

        assertThatThrownBy(() -> count(source)).isInstanceOf(SQLException.class);
    }

    @Test
    void pooledReadersSeeTheLastCommitWhileAWriteTransactionIsOpen() throws Exception {
        try (ConnectionSource source = source("pooled")) {
            source.read(execute("PRAGMA journal_mode=WAL"));
            source.write(execute("CREATE TABLE t (x)", "INSERT INTO t VALUES (1)"));

            long seenDuringWrite = source.write(connection -> {
                execute("INSERT INTO t VALUES (2)").run(connection);
                return count(source);
            });

            assertThat(seenDuringWrite).isEqualTo(1);
            assertThat(count(source)).isEqualTo(2);
        }
    }
}
