package io.heavenbase.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.HeavenBase;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Eight threads mixing upserts, partial updates, point reads and near queries on an entity split
 * over several backends. Every write gives all parts of a row the same version, so a reader that
 * sees two versions in one row has seen half a write.
 */
class ConcurrencyTest {

    private static final String ENTITY = "conc-item";
    private static final int THREADS = 8;
    private static final int OPS_PER_THREAD = 150;
    private static final int SHARED_ROWS = 20;

    private Workspace ws;
    private ConformanceLayout layout;

    static Stream<ConformanceLayout> splitLayouts() {
        return Stream.of(ConformanceLayouts.splitInMem(), ConformanceLayouts.debugLike());
    }

    @AfterEach
    void closeWorkspace() {
        if (ws != null) {
            try {
                ws.drop();
            } finally {
                ws.close();
                layout.cleanup().run();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitLayouts")
    void givenConcurrentWritersAndReaders_whenRunning_thenNoReaderSeesATornRow(ConformanceLayout layout)
            throws Exception {
        Workload result = run(layout);

        assertThat(result.failures()).as("exceptions in worker threads").isEmpty();
        assertThat(result.tornRows()).as("rows whose parts carry different versions").isEmpty();
        assertThat(result.rowsRead()).as("rows checked by readers").isGreaterThan(THREADS * 10L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitLayouts")
    void givenConcurrentWriters_whenDone_thenCountIsExactlyTheDistinctRowsWritten(ConformanceLayout layout)
            throws Exception {
        Workload result = run(layout);

        assertThat(result.failures()).as("exceptions in worker threads").isEmpty();
        assertThat(ws.count(ENTITY)).isEqualTo(SHARED_ROWS + result.uniqueRowsWritten());
        assertThat(ws.query(ENTITY).execute().size()).isEqualTo(SHARED_ROWS + result.uniqueRowsWritten());
        Queue<String> torn = new ConcurrentLinkedQueue<>();
        for (int k = 0; k < SHARED_ROWS; k++) {
            assertConsistent(ws.get(ENTITY, shared(k)).orElseThrow(), torn);
        }
        assertThat(torn).as("final rows whose parts carry different versions").isEmpty();
    }

    private record Workload(List<String> failures, List<String> tornRows, long rowsRead, int uniqueRowsWritten) {
    }

    private Workload run(ConformanceLayout chosen) throws Exception {
        layout = chosen;
        List<String> names = new ArrayList<>(layout.backends().keySet());
        ws = HeavenBase.open("conc-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()),
                layout.backends());
        ws.register(EntitySchema.builder(ENTITY)
                .field("version", "Integer", f -> f.store(names.get(0)))
                .field("tag", "ShortText", f -> f.store(names.get(1)))
                .field("embedding", "Vector[3]", f -> f.store(names.get(1)))
                .field("echo", "LongText", f -> f.store(names.get(names.size() - 1)))
                .build());
        for (int k = 0; k < SHARED_ROWS; k++) {
            ws.upsert(ENTITY, versioned(shared(k), 0));
        }
        AtomicLong versions = new AtomicLong();
        AtomicInteger unique = new AtomicInteger();
        AtomicLong rowsRead = new AtomicLong();
        Queue<String> torn = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    Random random = new Random(thread);
                    for (int i = 0; i < OPS_PER_THREAD; i++) {
                        double dice = random.nextDouble();
                        if (dice < 0.30) {
                            ws.upsert(ENTITY, versioned(shared(random.nextInt(SHARED_ROWS)), versions.incrementAndGet()));
                        } else if (dice < 0.40) {
                            Map<String, Object> patch = versioned(null, versions.incrementAndGet());
                            patch.remove("object_id");
                            ws.set(ENTITY, shared(random.nextInt(SHARED_ROWS)), patch);
                        } else if (dice < 0.50) {
                            ws.upsert(ENTITY, versioned("u" + thread + "-" + i, versions.incrementAndGet()));
                            unique.incrementAndGet();
                        } else if (dice < 0.75) {
                            Optional<Row> row = ws.get(ENTITY, shared(random.nextInt(SHARED_ROWS)));
                            assertConsistent(row.orElseThrow(), torn);
                            rowsRead.incrementAndGet();
                        } else {
                            float[] query = {random.nextFloat(), 1, 0};
                            for (Row row : ws.query(ENTITY).near("embedding", query, 5)
                                    .select("version", "tag", "embedding", "echo").execute().rows()) {
                                assertConsistent(row, torn);
                                rowsRead.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            List<String> failures = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
            return new Workload(failures, List.copyOf(torn), rowsRead.get(), unique.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String shared(int k) {
        return String.format("k%02d", k);
    }

    /** A row whose every part encodes version {@code v}. */
    private static Map<String, Object> versioned(String id, long v) {
        return ConformanceRows.row(id, "version", v, "tag", "v" + v, "embedding", new float[] {v, 1, 0},
                "echo", "echo " + v);
    }

    private static void assertConsistent(Row row, Queue<String> torn) {
        long version = row.getLong("version");
        boolean same = ("v" + version).equals(row.getString("tag"))
                && row.getVector("embedding")[0] == (float) version
                && ("echo " + version).equals(row.getString("echo"));
        if (!same) {
            torn.add(row.id() + ": version=" + version + " tag=" + row.getString("tag") + " embedding[0]="
                    + row.getVector("embedding")[0] + " echo=" + row.getString("echo"));
        }
    }
}
