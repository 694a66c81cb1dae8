package io.heavenbase.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.HeavenBase;
import io.heavenbase.HeavenBaseException;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The differential check every backend's differential test runs: the same seeded random rows and
 * random queries (every operator, near with every metric, order, paging, projection) on a layout
 * and on one inmem store must give the same ids in the same order, the same columns, the same
 * values and the same scores, through the JSON query, the builder and {@code count()}; more than
 * half the queries must have a non-empty answer, so the comparison is not vacuous. Every failure
 * names the seed and the query; {@code -Dhb.differential.seed=N} replays a reported seed (see
 * {@link #seed(long)}).
 */
public final class DifferentialCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private final int rowCount;
    private final int queryCount;
    private final double scoreTolerance;

    /**
     * @param seed the seed of the rows; the queries use {@code seed + 1}
     * @param rowCount how many random rows both stores hold
     * @param queryCount how many random queries run on both
     * @param scoreTolerance how far a score may be from the inmem one; {@code 0} demands bit-identical scores
     */
    public DifferentialCheck(long seed, int rowCount, int queryCount, double scoreTolerance) {
        this.seed = seed;
        this.rowCount = rowCount;
        this.queryCount = queryCount;
        this.scoreTolerance = scoreTolerance;
    }

    /** The seed to run: {@code -Dhb.differential.seed} when set, otherwise {@code defaultSeed}. */
    public static long seed(long defaultSeed) {
        return Long.getLong("hb.differential.seed", defaultSeed);
    }

    /** A layout factory that prints as {@code name} in parameterized test names, before any server is asked. */
    public static Supplier<ConformanceLayout> named(String name, Supplier<ConformanceLayout> layout) {
        return new Supplier<>() {
            @Override
            public ConformanceLayout get() {
                return layout.get();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * Runs the check on {@code layout}, then drops and closes both workspaces and runs the
     * layout's cleanup, whatever the outcome.
     */
    public void assertAnswersLikeInMem(ConformanceLayout layout) {
        List<Map<String, Object>> rows = new RandomRows(new Random(seed)).rows(rowCount);
        List<Workspace> opened = new ArrayList<>();
        List<ConformanceLayout> layouts = new ArrayList<>();
        try {
            Workspace reference = open(ConformanceLayouts.inmem(), rows, opened, layouts);
            Workspace candidate = open(layout, rows, opened, layouts);
            compare(reference, candidate);
        } finally {
            close(opened, layouts);
        }
    }

    private void compare(Workspace reference, Workspace candidate) {
        RandomQueries queries = new RandomQueries(new Random(seed + 1));
        int nonEmpty = 0;
        for (int i = 0; i < queryCount; i++) {
            GeneratedQuery query = queries.next();
            String description = "seed " + seed + ", query #" + i + ": " + json(query.json());
            ResultFrame expected = run(() -> reference.queryJson(ConformanceEntity.ID, query.json()), description);

            assertSameFrame(run(() -> candidate.queryJson(ConformanceEntity.ID, query.json()), description), expected,
                    "json " + description);
            assertSameFrame(run(() -> query.builder().apply(candidate.query(ConformanceEntity.ID)).execute(),
                    description), expected, "builder " + description);
            assertThat(query.builder().apply(candidate.query(ConformanceEntity.ID)).count()).as("count " + description)
                    .isEqualTo(query.builder().apply(reference.query(ConformanceEntity.ID)).count());
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("queries with a non-empty answer (seed %d)", seed).isGreaterThan(queryCount / 2);
    }

    private static Workspace open(ConformanceLayout layout, List<Map<String, Object>> rows, List<Workspace> opened,
            List<ConformanceLayout> layouts) {
        layouts.add(layout);
        Workspace ws = HeavenBase.open("diff-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()),
                layout.backends());
        opened.add(ws);
        EntitySchema schema = ws.register(ConformanceEntity.schema(layout));
        ws.upsertMany(schema, rows);
        return ws;
    }

    private static void close(List<Workspace> opened, List<ConformanceLayout> layouts) {
        try {
            for (Workspace ws : opened) {
                try {
                    ws.drop();
                } finally {
                    ws.close();
                }
            }
        } finally {
            layouts.forEach(layout -> layout.cleanup().run());
        }
    }

    private static ResultFrame run(Supplier<ResultFrame> query, String description) {
        try {
            return query.get();
        } catch (HeavenBaseException e) {
            throw new AssertionError("query failed: " + description, e);
        }
    }

    private void assertSameFrame(ResultFrame actual, ResultFrame expected, String description) {
        assertThat(actual.ids()).as(description).containsExactlyElementsOf(expected.ids());
        assertThat(actual.columns()).as("columns " + description).containsExactlyElementsOf(expected.columns());
        for (int i = 0; i < expected.size(); i++) {
            Row want = expected.rows().get(i);
            Row got = actual.rows().get(i);
            if (want.score() != null) {
                if (scoreTolerance == 0) {
                    assertThat(got.score()).as("score of %s in %s", want.id(), description).isEqualTo(want.score());
                } else {
                    assertThat(got.score()).as("score of %s in %s", want.id(), description)
                            .isCloseTo(want.score(), within(scoreTolerance));
                }
            }
            for (String column : expected.columns()) {
                if (!column.equals("score")) {
                    assertThat(Content.of(got.get(column))).as("%s of %s in %s", column, want.id(), description)
                            .isEqualTo(Content.of(want.get(column)));
                }
            }
        }
    }

    private static String json(Map<String, Object> query) {
        try {
            return JSON.writeValueAsString(query);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
