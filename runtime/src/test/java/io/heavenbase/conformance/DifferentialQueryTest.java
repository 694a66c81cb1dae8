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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: the same seeded random data and random queries on another layout (split
 * over several backends, or pushed down to SQL) and on one inmem store must give the same ids in the same order, the same scores and the same values.
 * Set {@code -Dhb.differential.seed=N} to replay a reported seed.
 */
class DifferentialQueryTest {

    private static final long SEED = Long.getLong("hb.differential.seed", 20_240_611L);
    private static final int ROWS = 300;
    private static final int QUERIES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Workspace> opened = new ArrayList<>();
    private final List<ConformanceLayout> layouts = new ArrayList<>();

    static Stream<ConformanceLayout> layouts() {
        return Stream.of(ConformanceLayouts.splitInMem(), ConformanceLayouts.debugLike(),
                ConformanceLayouts.sqliteMemory());
    }

    @AfterEach
    void closeWorkspaces() {
        for (Workspace ws : opened) {
            try {
                ws.drop();
            } finally {
                ws.close();
            }
        }
        layouts.forEach(layout -> layout.cleanup().run());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void givenRandomData_whenRandomQueriesRun_thenTheLayoutAnswersExactlyLikeOneInMemStore(ConformanceLayout layout)
            throws JsonProcessingException {
        List<Map<String, Object>> rows = new RandomRows(new Random(SEED)).rows(ROWS);
        Workspace reference = open(ConformanceLayouts.inmem(), rows);
        Workspace candidate = open(layout, rows);
        RandomQueries queries = new RandomQueries(new Random(SEED + 1));
        int nonEmpty = 0;

        for (int i = 0; i < QUERIES; i++) {
            GeneratedQuery query = queries.next();
            String description = "seed " + SEED + ", query #" + i + ": " + JSON.writeValueAsString(query.json());
            ResultFrame expected = run(() -> reference.queryJson(ConformanceEntity.ID, query.json()), description);

            assertSameFrame(run(() -> candidate.queryJson(ConformanceEntity.ID, query.json()), description), expected,
                    "json " + description);
            assertSameFrame(run(() -> query.builder().apply(candidate.query(ConformanceEntity.ID)).execute(), description),
                    expected, "builder " + description);
            assertThat(query.builder().apply(candidate.query(ConformanceEntity.ID)).count()).as("count " + description)
                    .isEqualTo(query.builder().apply(reference.query(ConformanceEntity.ID)).count());
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }

        assertThat(nonEmpty).as("queries with a non-empty answer").isGreaterThan(QUERIES / 2);
    }

    private Workspace open(ConformanceLayout layout, List<Map<String, Object>> rows) {
        layouts.add(layout);
        Workspace ws = HeavenBase.open("diff-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()),
                layout.backends());
        opened.add(ws);
        EntitySchema schema = ws.register(ConformanceEntity.schema(layout));
        ws.upsertMany(schema, rows);
        return ws;
    }

    private static ResultFrame run(Supplier<ResultFrame> query, String description) {
        try {
            return query.get();
        } catch (HeavenBaseException e) {
            throw new AssertionError("query failed: " + description, e);
        }
    }

    private static void assertSameFrame(ResultFrame actual, ResultFrame expected, String description) {
        assertThat(actual.ids()).as(description).containsExactlyElementsOf(expected.ids());
        assertThat(actual.columns()).as("columns " + description).containsExactlyElementsOf(expected.columns());
        for (int i = 0; i < expected.size(); i++) {
            Row want = expected.rows().get(i);
            Row got = actual.rows().get(i);
            if (want.score() != null) {
                assertThat(got.score()).as("score of %s in %s", want.id(), description)
                        .isCloseTo(want.score(), within(1e-5));
            }
            for (String column : expected.columns()) {
                if (!column.equals("score")) {
                    assertThat(Content.of(got.get(column))).as("%s of %s in %s", column, want.id(), description)
                            .isEqualTo(Content.of(want.get(column)));
                }
            }
        }
    }
}
