package io.heavenbase.bench.rows;

import io.heavenbase.bench.PairedBenchmark;
import io.heavenbase.bench.data.PgvectorDocs;
import io.heavenbase.bench.data.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code near} top-10 by cosine over {@code size} 128-d vectors on pgvector: HeavenBase's pgvector
 * backend vs the raw SQL a developer writes on the very table it created
 * ({@code ORDER BY embedding <=> ?::vector LIMIT 10}, prepared once, one connection). Neither uses
 * an approximate index (a plain Vector field has none), so both scan exactly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NearPgvector implements PairedBenchmark {

    static final String PREFIX = "hb_bench_near_";
    static final int TOP_K = 10;
    private static final String NEAREST = "SELECT \"object_id\" FROM \"" + PREFIX + PgvectorDocs.ENTITY
            + "\" ORDER BY \"embedding\" <=> ?::vector LIMIT " + TOP_K;

    @Param("20000")
    public int size;

    private PgvectorDocs docs;
    private Connection connection;
    private PreparedStatement nearest;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(size);
    }

    @Override
    public void open(int size) throws SQLException {
        this.size = size;
        docs = new PgvectorDocs(PREFIX, size);
        connection = DriverManager.getConnection(Services.pgvectorUrl());
        nearest = connection.prepareStatement(NEAREST);
    }

    @Benchmark
    public List<String> heavenbase() {
        next++;
        return docs.workspace().query(PgvectorDocs.ENTITY).near("embedding", docs.query(next), TOP_K)
                .select("score").execute().ids();
    }

    @Benchmark
    public List<String> baseline() throws SQLException {
        next++;
        nearest.setString(1, PgvectorDocs.text(docs.query(next)));
        List<String> ids = new ArrayList<>(TOP_K);
        try (ResultSet result = nearest.executeQuery()) {
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

    @TearDown(Level.Trial)
    @Override
    public void close() throws SQLException {
        try (Connection opened = connection) {
            nearest.close();
        } finally {
            docs.close();
        }
    }
}
