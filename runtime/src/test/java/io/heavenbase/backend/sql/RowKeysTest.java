package io.heavenbase.backend.sql;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.indexed;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.row;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.sqlite.SqliteDialect;
import io.heavenbase.backend.sql.sqlite.SqliteFixtures;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer assigns SQLite row keys itself for entities with a full-text index: the keys must be
 * the ones SQLite would give, stored rows must keep theirs, and the index must stay keyed right.
 */
class RowKeysTest {

    @TempDir
    Path directory;

    private final EntityLayout notes = layout("notes", indexed("title", "ShortText"));

    private String database() {
        return directory.resolve("keys.db").toString();
    }

    @Test
    void newRowsGetTheKeysSqliteWouldGiveAndStoredRowsKeepTheirs() throws SQLException {
        try (SqlBackend backend = SqliteFixtures.open(database())) {
            backend.ensure(notes);
            backend.upsert(notes, rows(note("a", "alpha"), note("b", "beta"), note("c", "gamma")));
            assertThat(keys(backend)).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("c", 3L));

            backend.delete(notes, List.of("c"));
            backend.upsert(notes, rows(note("d", "delta"), note("a", "omega")));

            assertThat(keys(backend)).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("d", 3L));
            assertThat(matches(backend, "alpha")).isEmpty();
            assertThat(matches(backend, "omega")).containsExactly("a");
            assertThat(matches(backend, "gamma")).isEmpty();
            assertThat(matches(backend, "delta")).containsExactly("d");
        }
    }

    @Test
    void assignReportsStoredIdsAndNumbersNewOnesInWriteOrder() throws SQLException {
        try (SqlBackend backend = SqliteFixtures.open(database())) {
            backend.ensure(notes);
            backend.upsert(notes, rows(note("a", "alpha"), note("b", "beta")));
            try (Connection connection = connect()) {
                RowKeys keys = RowKeys.assign(connection, backend.dialect(), backend.tables(notes),
                        SqliteDialect.ROW_ID, List.of("z", "b", "y"));

                assertThat(keys.stored()).containsExactly("b");
                assertThat(keys.all()).containsOnly(Map.entry("z", 3L), Map.entry("b", 2L), Map.entry("y", 4L));
            }
        }
    }

    @Test
    void keysPastTheLargestPossibleAreLeftToSqlite() throws SQLException {
        try (SqlBackend backend = SqliteFixtures.open(database())) {
            backend.ensure(notes);
            backend.upsert(notes, rows(note("a", "alpha")));
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("UPDATE \"" + backend.tables(notes).entity() + "\" SET \"hb_rowid\" = "
                        + Long.MAX_VALUE + " WHERE \"object_id\" = 'a'");
                assertThat(RowKeys.assign(connection, backend.dialect(), backend.tables(notes), SqliteDialect.ROW_ID,
                        List.of("a", "b")).all()).isNull();
            }
            backend.upsert(notes, rows(note("b", "beta"), note("c", "beta gamma")));

            assertThat(matches(backend, "beta")).containsExactly("b", "c");
            assertThat(matches(backend, "gamma")).containsExactly("c");
        }
    }

    private Map<String, Object> note(String id, String title) {
        return row(notes, id, "title", title);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database());
    }

    private Map<String, Long> keys(SqlBackend backend) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT \"object_id\", \"hb_rowid\" FROM \""
                        + backend.tables(notes).entity() + "\" ORDER BY \"hb_rowid\"")) {
            while (result.next()) {
                out.put(result.getString(1), result.getLong(2));
            }
        }
        return out;
    }

    private Set<String> matches(SqlBackend backend, String word) {
        Set<String> out = new TreeSet<>();
        for (Hit hit : backend.execute(notes, Fragment.filter(new Expr.Leaf("title", Op.MATCH, word), null))) {
            out.add(hit.objectId());
        }
        return out;
    }
}
