package io.heavenbase.backend.sql.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.agroal.api.AgroalDataSource;
import io.heavenbase.backend.sql.ConnectionSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend's own pool after failed writes (a pool of one connection, so a leaked slot would
 * block the next write): a broken connection is destroyed and replaced, a connection that only
 * saw an ordinary error is kept, and no connection stays checked out either way.
 */
class PostgresPoolDiscardTest {

    private static final Duration NO_ACQUISITION_WAIT = Duration.ofSeconds(20);

    private AgroalDataSource pool;
    private ConnectionSource source;

    @BeforeEach
    void open() throws SQLException {
        pool = PostgresPool.pool(PostgresTestServers.POSTGRES.url(), null, null, 1);
        source = PostgresPool.source(pool);
    }

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void givenWritesWhoseConnectionBreaks_whenRepeated_thenEachIsDestroyedAndTheNextWriteGetsANewOne() {
        assertTimeoutPreemptively(NO_ACQUISITION_WAIT, () -> {
            int before = source.write(PostgresPoolDiscardTest::backendPid);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> source.write(connection -> execute(connection,
                        "SELECT pg_terminate_backend(pg_backend_pid())")))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).matches("08.*|57P.*"));
                assertThat(pool.getMetrics().activeCount()).as("checked-out connections").isZero();
            }
            assertThat(source.write(PostgresPoolDiscardTest::backendPid)).isNotEqualTo(before);
            assertThat(pool.getMetrics().destroyCount()).as("broken connections destroyed").isEqualTo(3);
        });
    }

    @Test
    void givenWritesFailingWithOrdinaryErrors_whenRepeated_thenTheHealthyConnectionIsKept() {
        assertTimeoutPreemptively(NO_ACQUISITION_WAIT, () -> {
            int before = source.write(PostgresPoolDiscardTest::backendPid);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> source.write(connection -> execute(connection, "SELECT 1 / 0")))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22012"));
                assertThat(pool.getMetrics().activeCount()).as("checked-out connections").isZero();
            }
            assertThat(source.write(PostgresPoolDiscardTest::backendPid)).as("same server process").isEqualTo(before);
            assertThat(pool.getMetrics().destroyCount()).isZero();
        });
    }

    private static int backendPid(java.sql.Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Void execute(java.sql.Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return null;
    }
}
