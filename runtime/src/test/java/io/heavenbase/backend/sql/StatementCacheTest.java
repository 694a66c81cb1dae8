package io.heavenbase.backend.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementCacheTest {

    private Connection connection;

    @BeforeEach
    void openDatabase() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id TEXT, n INTEGER)");
            statement.execute("INSERT INTO t VALUES ('a', 1), ('b', 2), ('c', 3)");
        }
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.close();
    }

    private static List<String> ids(StatementCache cache, Connection connection, BoundSql sql) throws SQLException {
        List<String> out = new ArrayList<>();
        cache.forEachRow(connection, sql, result -> out.add(result.getString(1)));
        return out;
    }

    @Test
    void theStatementsOfAClosedConnectionAreDroppedWhenAnotherConnectionIsUsed() throws SQLException {
        StatementCache cache = new StatementCache(true);
        Connection replaced = DriverManager.getConnection("jdbc:sqlite::memory:");
        BoundSql ping = BoundSql.of("SELECT 'x'");
        assertThat(ids(cache, replaced, ping)).containsExactly("x");
        assertThat(ids(cache, connection, ping)).containsExactly("x");
        assertThat(cache.connections()).isEqualTo(2);

        replaced.close();
        Connection replacement = DriverManager.getConnection("jdbc:sqlite::memory:");
        try {
            assertThat(ids(cache, replacement, ping)).containsExactly("x");
            assertThat(cache.connections()).as("the closed connection's entry is gone, the open ones stay")
                    .isEqualTo(2);
            assertThat(ids(cache, connection, BoundSql.of("SELECT id FROM t ORDER BY id"))).containsExactly("a", "b", "c");
        } finally {
            replacement.close();
        }
    }

    @Test
    void aCachedStatementIsReboundOnEveryUse() throws SQLException {
        StatementCache cache = new StatementCache(true);
        String sql = "SELECT id FROM t WHERE n >= ? ORDER BY id";

        assertThat(ids(cache, connection, BoundSql.of(sql, SqlParam.integer(2)))).containsExactly("b", "c");
        assertThat(ids(cache, connection, BoundSql.of(sql, SqlParam.integer(3)))).containsExactly("c");
        assertThat(ids(cache, connection, BoundSql.of(sql, SqlParam.integer(1)))).containsExactly("a", "b", "c");
    }

    @Test
    void cachedStatementsDoNotBlockSchemaChangesOnTheSameConnection() throws SQLException {
        StatementCache cache = new StatementCache(true);
        BoundSql sql = BoundSql.of("SELECT id FROM t ORDER BY id");
        assertThat(ids(cache, connection, sql)).containsExactly("a", "b", "c");

        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE t");
            statement.execute("CREATE TABLE t (id TEXT, n INTEGER)");
            statement.execute("INSERT INTO t VALUES ('z', 9)");
        }

        assertThat(ids(cache, connection, sql)).containsExactly("z");
    }

    @Test
    void aFailedQueryIsDroppedAndTheNextUsePreparesAgain() throws SQLException {
        StatementCache cache = new StatementCache(true);
        BoundSql sql = BoundSql.of("SELECT id FROM t ORDER BY id");
        assertThat(ids(cache, connection, sql)).hasSize(3);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE t");
        }

        assertThatThrownBy(() -> ids(cache, connection, sql)).isInstanceOf(SQLException.class)
                .hasMessageContaining("no such table");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id TEXT, n INTEGER)");
            statement.execute("INSERT INTO t VALUES ('y', 1)");
        }
        assertThat(ids(cache, connection, sql)).containsExactly("y");
    }

    @Test
    void aDisabledCacheStillRunsTheQuery() throws SQLException {
        StatementCache cache = new StatementCache(false);

        assertThat(ids(cache, connection, BoundSql.of("SELECT id FROM t WHERE id = ?", SqlParam.text("b"))))
                .containsExactly("b");
    }
}
