package io.heavenbase.bench.rows;

import io.heavenbase.Workspace;
import io.heavenbase.bench.PairedBenchmarkState;
import io.heavenbase.bench.data.DocJdbc;
import io.heavenbase.bench.data.Docs;
import io.heavenbase.bench.data.JdbcRows;
import io.heavenbase.bench.data.ScratchDirectory;
import io.heavenbase.bench.data.SqliteItemTable;
import io.heavenbase.bench.data.Workspaces;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Search top-10 over {@code size} short {@link Docs} (24 words each) in a SQLite file:
 * {@code ws.query("doc").search("body", word, 10)} (BM25 from the backend's postings) vs a raw FTS5 query
 * {@code ORDER BY bm25(doc_fts), object_id LIMIT 10} on an external-content FTS5 table holding the same rows in
 * another file. Both cycle through the same one-word queries: with one term and equal document lengths both
 * rankings order by term frequency then object_id, so the two sides return the same ids (FTS5's bm25 differs from
 * Lucene's in idf and scale, which a one-term query cannot reorder).
 */
public class SearchSqlite extends PairedBenchmarkState {

    static final int TOP_K = 10;
    private static final int QUERIES = 64;
    private static final List<String> CREATE = List.of(
            "CREATE TABLE doc (object_id TEXT PRIMARY KEY, category TEXT, qty INTEGER, body TEXT)",
            "CREATE VIRTUAL TABLE doc_fts USING fts5(body, content='doc', content_rowid='rowid')",
            "CREATE TRIGGER doc_ai AFTER INSERT ON doc BEGIN "
                    + "INSERT INTO doc_fts(rowid, body) VALUES (new.rowid, new.body); END");
    private static final String SEARCH = "SELECT d.object_id FROM doc_fts JOIN doc d ON d.rowid = doc_fts.rowid "
            + "WHERE doc_fts MATCH ? ORDER BY bm25(doc_fts), d.object_id LIMIT " + TOP_K;

    @Param("100000")
    public int size;

    private ScratchDirectory scratch;
    private Workspace workspace;
    private Connection connection;
    private PreparedStatement search;
    private List<String> words;
    private int next;

    @Override
    public void open(int size) throws Exception {
        this.size = size;
        scratch = new ScratchDirectory("search-sqlite");
        workspace = Workspaces.open(Workspaces.sqlite(scratch.resolve("hb.db")));
        workspace.register(Docs.schema());
        List<Map<String, Object>> rows = Docs.rows(0, size, 0);
        workspace.upsertMany(Docs.ENTITY, rows);
        Path raw = scratch.resolve("raw.db");
        connection = SqliteItemTable.connect(raw);
        JdbcRows.execute(connection, CREATE);
        DocJdbc.upsertAll(connection, DocJdbc.upsert("\"doc\""), rows);
        search = connection.prepareStatement(SEARCH);
        words = new ArrayList<>(QUERIES);
        for (int q = 0; q < QUERIES; q++) {
            // words of stored bodies, so every query finds documents
            String[] body = ((String) rows.get((q * 7_919) % rows.size()).get("body")).split(" ");
            words.add(body[q % body.length]);
        }
    }

    @Benchmark
    public Object heavenbase() {
        return workspace.query(Docs.ENTITY).search("body", nextWord(), TOP_K).select("object_id").execute().ids();
    }

    @Benchmark
    public Object baseline() throws SQLException {
        search.setString(1, "\"" + nextWord() + "\"");
        List<String> ids = new ArrayList<>(TOP_K);
        try (ResultSet result = search.executeQuery()) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    @Override
    public Object checkHeavenbase() {
        next = 0;
        return heavenbase();
    }

    @Override
    public Object checkBaseline() throws SQLException {
        next = 0;
        return baseline();
    }

    @Override
    public void close() throws Exception {
        if (search != null) {
            search.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

    private String nextWord() {
        next = (next + 1) % words.size();
        return words.get(next);
    }
}
