package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.backend.sql.postgres.PostgresBackends.inline;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.layout;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.heavenbase.BackendException;
import io.heavenbase.spi.EntityLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failed write gives its connection back to the backend's own pool: a pool of one connection
 * keeps working after more failed writes than it has connections (a leaked slot would make the
 * next write wait for the 30 s acquisition timeout and fail).
 */
class PostgresFailedWriteTest {

    private final EntityLayout notes = layout("notes", inline("title", "ShortText"));

    @Test
    void givenPoolOfOneConnection_whenWritesFailRepeatedly_thenTheNextWriteStillGetsAConnection() throws SQLException {
        try (PostgresBackends postgres = PostgresBackends.open(PostgresTestServers.POSTGRES, "pool-size", 1)) {
            postgres.backend().ensure(notes);
            postgres.backend().upsert(notes, List.of(row(notes, "a", "title", "first")));
            dropTablesBehindTheBackendsBack(postgres);

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int attempt = 0; attempt < 3; attempt++) {
                    assertThatThrownBy(() -> postgres.backend().upsert(notes, List.of(row(notes, "b", "title", "lost"))))
                            .isInstanceOf(BackendException.class)
                            .satisfies(e -> assertThat(e).message().doesNotContainIgnoringCase("acquisition timeout"));
                }
            }, "a failed write leaked its connection: the next one waits for the 30 s acquisition timeout");
            postgres.backend().ensure(notes);
            postgres.backend().upsert(notes, List.of(row(notes, "c", "title", "after the failures")));

            assertThat(postgres.backend().fetch(notes, List.of("c"), List.of("title")).get("c"))
                    .containsEntry("title", "after the failures");
        }
    }

    private static void dropTablesBehindTheBackendsBack(PostgresBackends postgres) throws SQLException {
        try (Connection connection = postgres.server().connect()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
                query.setString(1, postgres.schema());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            assertThat(tables).isNotEmpty();
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    statement.execute("DROP TABLE IF EXISTS \"" + postgres.schema() + "\".\"" + table + "\" CASCADE");
                }
            }
        }
    }
}
