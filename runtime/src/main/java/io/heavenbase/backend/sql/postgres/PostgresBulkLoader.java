package io.heavenbase.backend.sql.postgres;

import io.heavenbase.backend.sql.BulkLoader;
import io.heavenbase.backend.sql.MultiRowInsert;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTables;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk writes on PostgreSQL. From {@link #COPY_MIN_ROWS} rows on, when the connection is pgjdbc's
 * (directly or behind a pool that unwraps to it) and the server takes {@code COPY FROM STDIN}, the
 * rows are streamed with pgjdbc's copy API in text format ({@link PostgresCopyText}): an upsert
 * into an empty table straight into it (under a lock that keeps it empty for other writers until
 * the transaction ends), an upsert into a filled table into a temporary staging table of the
 * listed columns, then one {@code INSERT ... SELECT ... ON CONFLICT (key) DO UPDATE}; an insert of
 * rows that are known to be new straight into the table. Otherwise (fewer rows, another driver, PGlite, whose socket server
 * breaks on COPY, or a value without a COPY text form) the rows go in multi-row
 * {@code INSERT ... VALUES} statements. Everything runs in the caller's transaction.
 */
final class PostgresBulkLoader implements BulkLoader {

    /** From this many rows on COPY pays for its staging table. */
    static final int COPY_MIN_ROWS = 64;
    /** Rows per multi-row INSERT. */
    private static final int ROWS_PER_INSERT = 500;
    /** Bytes handed to the driver per write while streaming a COPY. */
    private static final int COPY_CHUNK_CHARS = 1 << 18;
    private static final String STAGE = "hb_stage";

    private final SqlDialect dialect;
    /** Whether the server takes COPY FROM STDIN; null until the first bulk write asks. */
    private volatile Boolean serverCopies;

    PostgresBulkLoader(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void upsert(Connection connection, SqlTables tables, String table, List<String> columns,
            List<List<SqlParam>> rows) throws SQLException {
        String target = tables.qualified(table);
        String onConflict = onConflict(columns);
        if (usesCopy(connection, rows) && PostgresCopyText.encodable(rows)) {
            String names = names(columns);
            if (emptyAndLocked(connection, target)) {
                copy(connection, "COPY " + target + " (" + names + ") FROM STDIN", rows);
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE " + STAGE + " AS SELECT " + names + " FROM " + target
                        + " WITH NO DATA");
                copy(connection, "COPY " + STAGE + " (" + names + ") FROM STDIN", rows);
                statement.execute("INSERT INTO " + target + " (" + names + ") SELECT " + names + " FROM " + STAGE
                        + onConflict);
                statement.execute("DROP TABLE " + STAGE);
            }
            return;
        }
        insertValues(connection, target, columns, rows, onConflict);
    }

    @Override
    public void insert(Connection connection, SqlTables tables, String table, List<String> columns,
            List<List<SqlParam>> rows) throws SQLException {
        String target = tables.qualified(table);
        if (usesCopy(connection, rows) && PostgresCopyText.encodable(rows)) {
            copy(connection, "COPY " + target + " (" + names(columns) + ") FROM STDIN", rows);
            return;
        }
        insertValues(connection, target, columns, rows, "");
    }

    /**
     * Whether {@code target} holds no row, and stays so for every other writer until this transaction
     * ends: then distinct ids can be copied straight into it, with no staging table and no conflict
     * check. The lock (which other writers of the table wait for, readers do not) is only taken when
     * a first look found the table empty, so loads into a filled table never wait for each other.
     */
    private static boolean emptyAndLocked(Connection connection, String target) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (holdsRows(statement, target)) {
                return false;
            }
            statement.execute("LOCK TABLE " + target + " IN SHARE ROW EXCLUSIVE MODE");
            return !holdsRows(statement, target);
        }
    }

    private static boolean holdsRows(Statement statement, String target) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT 1 FROM " + target + " LIMIT 1")) {
            return result.next();
        }
    }

    private boolean usesCopy(Connection connection, List<List<SqlParam>> rows) throws SQLException {
        if (rows.size() < COPY_MIN_ROWS || !connection.isWrapperFor(PGConnection.class)) {
            return false;
        }
        Boolean copies = serverCopies;
        if (copies == null) {
            copies = !isPglite(connection);
            serverCopies = copies;
        }
        return copies;
    }

    /** Streams the rows, which {@link PostgresCopyText#encodable} accepted, into a COPY. */
    private static void copy(Connection connection, String sql, List<List<SqlParam>> rows) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder text = new StringBuilder(COPY_CHUNK_CHARS + 4096);
            for (List<SqlParam> row : rows) {
                PostgresCopyText.appendRow(text, row);
                if (text.length() >= COPY_CHUNK_CHARS) {
                    write(in, text);
                }
            }
            write(in, text);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void write(CopyIn in, StringBuilder text) throws SQLException {
        if (text.length() > 0) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    /** Multi-row {@code INSERT ... VALUES (...), (...)} statements of up to {@link #ROWS_PER_INSERT} rows. */
    private void insertValues(Connection connection, String target, List<String> columns, List<List<SqlParam>> rows,
            String onConflict) throws SQLException {
        String names = names(columns);
        MultiRowInsert.run(connection, rows, ROWS_PER_INSERT, count -> "INSERT INTO " + target + " (" + names
                + ") VALUES " + MultiRowInsert.values(columns.size(), count) + onConflict);
    }

    private String onConflict(List<String> columns) {
        String key = dialect.quote(columns.get(0));
        List<String> updated = columns.subList(1, columns.size());
        return updated.isEmpty() ? " ON CONFLICT (" + key + ") DO NOTHING"
                : " ON CONFLICT (" + key + ") DO UPDATE SET " + updated.stream().map(dialect::quote)
                        .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
    }

    private String names(List<String> columns) {
        return columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }

    /** PGlite (PostgreSQL compiled to WebAssembly) reports an emscripten build in version(). */
    static boolean isPglite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version()")) {
            result.next();
            String version = result.getString(1).toLowerCase(Locale.ROOT);
            return version.contains("wasm") || version.contains("emscripten") || version.contains("emcc");
        }
    }
}
