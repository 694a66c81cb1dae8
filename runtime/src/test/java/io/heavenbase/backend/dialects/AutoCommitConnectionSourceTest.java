package io.heavenbase.backend.dialects;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.AutoCommitConnectionSource;
import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.SqlWork;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes for Trino and StarRocks: statement by statement, never inside an explicit transaction. */
class AutoCommitConnectionSourceTest {

    private final List<String> calls = new ArrayList<>();

    /** A connection that starts outside auto-commit and records the auto-commit changes made to it. */
    private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (self, method, args) -> {
                switch (method.getName()) {
                    case "getAutoCommit":
                        return false;
                    case "setAutoCommit":
                        calls.add("setAutoCommit(" + args[0] + ")");
                        return null;
                    case "commit":
                    case "rollback":
                        calls.add(method.getName());
                        return null;
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            });

    /** A source that says which of its methods ran the work. */
    private final ConnectionSource delegate = new ConnectionSource() {
        @Override
        public <T> T read(SqlWork<T> work) throws SQLException {
            calls.add("read");
            return work.run(connection);
        }

        @Override
        public <T> T write(SqlWork<T> work) throws SQLException {
            calls.add("write");
            return work.run(connection);
        }

        @Override
        public void close() {
            calls.add("close");
        }
    };

    @Test
    void givenAWrite_whenRun_thenItBorrowsAReadConnectionInAutoCommitAndNeverCommits() throws SQLException {
        AutoCommitConnectionSource source = new AutoCommitConnectionSource(delegate);

        String result = source.write(c -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(calls).containsExactly("read", "setAutoCommit(true)");
    }

    @Test
    void givenARead_whenRun_thenItIsPassedThrough() throws SQLException {
        new AutoCommitConnectionSource(delegate).read(c -> null);

        assertThat(calls).containsExactly("read");
    }

    @Test
    void givenTheSource_whenClosed_thenTheDelegateIsClosed() {
        new AutoCommitConnectionSource(delegate).close();

        assertThat(calls).containsExactly("close");
    }
}
