package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.row;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.backend.sql.SqlTables;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite entity tables without a full-text field are one B-tree ({@code WITHOUT ROWID}, keyed by
 * object_id); tables with one keep {@code hb_rowid} for FTS5. A table of the previous layout
 * ({@code hb_rowid} for every entity) still reads and writes, and a {@code WITHOUT ROWID} table that
 * gains a full-text field is rebuilt with {@code hb_rowid}, keeping its rows and indexing them.
 */
class SqliteTableLayoutTest {

    @TempDir
    Path directory;

    private final List<SqlBackend> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(SqlBackend::close);
    }

    @Test
    void givenNoFullTextField_whenEnsured_thenTheTableIsWithoutRowidAndUpsertsReplaceRows() throws SQLException {
        EntityLayout thing = layout("thing", inline("ref", "Identifier"), inline("qty", "Integer"),
                side("tags", "Array[Identifier]"));
        SqlBackend backend = open("plain.db");
        backend.ensure(thing);

        backend.upsert(thing, rows(thing, 0, 3_000, 0));
        backend.upsert(thing, rows(thing, 1_500, 4_500, 1));

        assertThat(tableSql("plain.db", thing)).contains("WITHOUT ROWID").doesNotContain(SqliteDialect.ROW_ID);
        assertThat(backend.count(thing)).isEqualTo(4_500);
        assertThat(backend.fetch(thing, List.of(id(10), id(2_000)), List.of("ref", "qty", "tags")))
                .containsEntry(id(10), row(thing, id(10), "ref", "r0-10", "qty", 10L, "tags", List.of("t0-10")))
                .containsEntry(id(2_000), row(thing, id(2_000), "ref", "r1-2000", "qty", 4_000L,
                        "tags", List.of("t1-2000")));
        assertThat(ids(backend, thing, new Expr.Leaf("tags", Op.ARRAY_CONTAINS, "t0-2000"))).isEmpty();
    }

    @Test
    void givenAFullTextField_whenEnsured_thenTheTableKeepsItsRowKeyForFts5() throws SQLException {
        EntityLayout doc = layout("doc", inline("body", "LongText"));
        SqlBackend backend = open("fts.db");
        backend.ensure(doc);

        backend.upsert(doc, List.of(row(doc, "a", "body", "red fox"), row(doc, "b", "body", "blue fox")));

        assertThat(tableSql("fts.db", doc)).contains(SqliteDialect.ROW_ID).doesNotContain("WITHOUT ROWID");
        assertThat(ids(backend, doc, new Expr.Leaf("body", Op.MATCH, "fox"))).containsExactly("a", "b");
    }

    @Test
    void givenATableOfThePreviousLayout_whenOpenedAndWritten_thenItKeepsWorking() throws SQLException {
        EntityLayout thing = layout("thing", inline("ref", "Identifier"), inline("qty", "Integer"));
        String table = new SqlTables(new SqliteDialect(), null, "", thing).entity();
        try (Connection connection = connect("old.db"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"" + table + "\" (\"object_id\" TEXT NOT NULL UNIQUE, \"hb_rowid\" "
                    + "INTEGER PRIMARY KEY, \"ref\" TEXT, \"qty\" INTEGER)");
            statement.execute("INSERT INTO \"" + table + "\" (\"object_id\", \"ref\", \"qty\") VALUES "
                    + "('" + id(1) + "', 'old', 7)");
        }
        SqlBackend backend = open("old.db");
        backend.ensure(thing);

        backend.upsert(thing, rows(thing, 0, 500, 0));

        assertThat(tableSql("old.db", thing)).contains(SqliteDialect.ROW_ID);
        assertThat(backend.count(thing)).isEqualTo(500);
        assertThat(backend.fetch(thing, List.of(id(1)), List.of("ref", "qty")).get(id(1)))
                .isEqualTo(row(thing, id(1), "ref", "r0-1", "qty", 1L));
    }

    @Test
    void givenATableWithoutRowid_whenAFullTextFieldIsAdded_thenItIsRebuiltWithItsRowsAndIndexesThem()
            throws SQLException {
        EntityLayout before = layout("note", inline("ref", "Identifier"), inline("qty", "Integer"));
        SqlBackend backend = open("grow.db");
        backend.ensure(before);
        backend.upsert(before, rows(before, 0, 200, 0));
        EntityLayout after = layout("note", inline("ref", "Identifier"), inline("qty", "Integer"),
                inline("body", "LongText"));

        backend.ensure(after);
        backend.upsert(after, List.of(row(after, id(5), "ref", "r0-5", "qty", 5L, "body", "quick brown fox"),
                row(after, "new", "body", "brown dog")));

        assertThat(tableSql("grow.db", after)).contains(SqliteDialect.ROW_ID).doesNotContain("WITHOUT ROWID");
        assertThat(backend.count(after)).isEqualTo(201);
        assertThat(backend.fetch(after, List.of(id(7)), List.of("ref", "qty", "body")).get(id(7)))
                .isEqualTo(row(after, id(7), "ref", "r0-7", "qty", 7L, "body", null));
        assertThat(ids(backend, after, new Expr.Leaf("body", Op.MATCH, "brown"))).containsExactly(id(5), "new");
    }

    private SqlBackend open(String file) {
        SqlBackend backend = SqliteFixtures.open(directory.resolve(file).toString());
        opened.add(backend);
        return backend;
    }

    private Connection connect(String file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(file));
    }

    private String tableSql(String file, EntityLayout layout) throws SQLException {
        String table = new SqlTables(new SqliteDialect(), null, "", layout).entity();
        try (Connection connection = connect(file); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            assertThat(result.next()).as("table %s exists", table).isTrue();
            return result.getString(1);
        }
    }

    private static List<Map<String, Object>> rows(EntityLayout layout, int from, int to, int round) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            List<Object> values = new ArrayList<>(List.of("ref", "r" + round + "-" + i, "qty", (long) i * (round + 1)));
            if (layout.fields().stream().anyMatch(field -> field.name().equals("tags"))) {
                values.addAll(List.of("tags", List.of("t" + round + "-" + i)));
            }
            rows.add(row(layout, id(i), values.toArray()));
        }
        return rows;
    }

    private static List<String> ids(SqlBackend backend, EntityLayout layout, Expr filter) {
        return backend.execute(layout, Fragment.filter(filter, null)).stream().map(Hit::objectId).toList();
    }

    private static String id(int i) {
        return String.format("id-%05d", i);
    }
}
