package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.data.ScratchDirectory;
import io.heavenbase.bench.data.SqliteItemTable;
import io.heavenbase.bench.data.Workspaces;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A bulk upsert row on SQLite files: each operation gets new, empty database files for both sides in
 * a scratch directory (not timed), deleted after it. A row says how the raw tables are made, written
 * and read back.
 */
public abstract class SqliteFileBulkUpsertBenchmark extends BulkUpsertBenchmark {

    private final String scratchPrefix;
    private ScratchDirectory scratch;
    private int round;
    /** The baseline's connection to this operation's raw file. */
    protected Connection connection;

    /** {@code scratchPrefix} names the row's scratch directory. */
    protected SqliteFileBulkUpsertBenchmark(String scratchPrefix) {
        this.scratchPrefix = scratchPrefix;
    }

    @Override
    protected final void beforeTrial() {
        scratch = new ScratchDirectory(scratchPrefix);
    }

    @Override
    protected final Workspace openEmptyWorkspace() {
        round++;
        return Workspaces.open(Workspaces.sqlite(scratch.resolve("heavenbase-" + round + ".db")));
    }

    @Override
    protected final void openEmptyBaseline() throws SQLException {
        connection = SqliteItemTable.connect(scratch.resolve("raw-" + round + ".db"));
        createRawTables();
    }

    /** Closes the raw file and deletes both sides' files of this operation. */
    @Override
    protected final void closeBaseline() throws Exception {
        connection.close();
        for (String name : List.of("heavenbase-", "raw-")) {
            for (String suffix : List.of(".db", ".db-wal", ".db-shm")) {
                Files.deleteIfExists(scratch.resolve(name + round + suffix));
            }
        }
    }

    @Override
    public final void close() {
        scratch.close();
    }

    /** Creates the baseline's tables in the new, empty raw file ({@link #connection}). */
    protected abstract void createRawTables() throws SQLException;
}
