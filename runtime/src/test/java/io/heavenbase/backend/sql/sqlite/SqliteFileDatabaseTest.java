package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.row;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite database files: WAL mode, persistence, and two backends (two workspaces) sharing one file. */
class SqliteFileDatabaseTest {

    private final EntityLayout notes = layout("notes", inline("body", "LongText"), side("labels", "Array"));

    @TempDir
    Path dir;

    private String database() {
        return dir.resolve("sub/dir/hb.db").toString();
    }

    private static List<String> matches(SqlBackend backend, EntityLayout layout, String query) {
        return backend.execute(layout, Fragment.filter(new Expr.Leaf("body", Op.MATCH, query), null)).stream()
                .map(Hit::objectId).toList();
    }

    @Test
    void aFileDatabaseIsCreatedWithParentDirectoriesInWalMode() throws Exception {
        try (SqlBackend backend = SqliteFixtures.open(database())) {
            backend.ensure(notes);
        }

        assertThat(Path.of(database())).exists();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database());
                Statement statement = raw.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertThat(mode.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void rowsSurviveClosingAndReopening() {
        try (SqlBackend backend = SqliteFixtures.open(database())) {
            backend.ensure(notes);
            backend.upsert(notes, List.of(row(notes, "a", "body", "persistent text", "labels", List.of("x"))));
        }

        try (SqlBackend reopened = SqliteFixtures.open(database())) {
            assertThat(reopened.fetch(notes, List.of("a"), List.of("body", "labels")).get("a"))
                    .containsEntry("body", "persistent text").containsEntry("labels", List.of("x"));
            assertThat(matches(reopened, notes, "persistent")).containsExactly("a");
        }
    }

    @Test
    void twoBackendsOnOneFileSeeEachOthersCommittedRows() {
        try (SqlBackend first = SqliteFixtures.open(database()); SqlBackend second = SqliteFixtures.open(database())) {
            first.ensure(notes);
            second.ensure(notes);

            first.upsert(notes, List.of(row(notes, "from-first", "body", "hello")));
            second.upsert(notes, List.of(row(notes, "from-second", "body", "hello")));
            second.delete(notes, List.of("from-first"));
            first.upsert(notes, List.of(row(notes, "again", "body", "hello")));

            assertThat(first.ids(notes)).containsExactly("again", "from-second");
            assertThat(matches(second, notes, "hello")).containsExactly("again", "from-second");
        }
    }

    @Test
    void concurrentWritersOnOneFileWaitForEachOtherInsteadOfFailing() throws Exception {
        try (SqlBackend first = SqliteFixtures.open(database()); SqlBackend second = SqliteFixtures.open(database())) {
            first.ensure(notes);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SqlBackend target = i % 2 == 0 ? first : second;
                String id = "row-" + i;
                writes.add(pool.submit(() -> target.upsert(notes, List.of(row(notes, id, "body", "w " + id)))));
                writes.add(pool.submit(() -> target.count(notes)));
            }
            for (Future<?> write : writes) {
                write.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(second.count(notes)).isEqualTo(40);
        }
    }

    @Test
    void ensureIndexesStoredTextWhenTheFullTextTableIsMissing() throws Exception {
        try (SqlBackend backend = SqliteFixtures.open(database())) {
            backend.ensure(notes);
            backend.upsert(notes, List.of(row(notes, "a", "body", "kept words"), row(notes, "b")));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database());
                Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE \"notes__fts_body\"");
        }

        try (SqlBackend backend = SqliteFixtures.open(database())) {
            backend.ensure(notes);

            assertThat(matches(backend, notes, "kept")).containsExactly("a");
        }
    }

    @Test
    void aFileUriIsAccepted() {
        String uri = "file:" + dir.resolve("uri.db") + "?cache=private";

        try (SqlBackend backend = SqliteFixtures.open(uri)) {
            backend.ensure(notes);
            backend.upsert(notes, List.of(row(notes, "a")));
            assertThat(backend.count(notes)).isEqualTo(1);
        }
        assertThat(Files.exists(dir.resolve("uri.db"))).isTrue();
    }

    @Test
    void twoMemoryBackendsAreSeparateDatabases() {
        try (SqlBackend first = SqliteFixtures.memoryBackend(); SqlBackend second = SqliteFixtures.memoryBackend()) {
            first.ensure(notes);
            second.ensure(notes);
            first.upsert(notes, List.of(row(notes, "only-first")));

            assertThat(second.count(notes)).isZero();
            assertThat(first.fetch(notes, List.of("only-first"), List.of())).containsOnlyKeys("only-first");
        }
    }
}
