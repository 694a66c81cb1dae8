package io.heavenbase.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.heavenbase.HeavenBase;
import io.heavenbase.HeavenBaseException;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.backend.lance.LanceFixtures;
import io.heavenbase.conformance.ConformanceEntity;
import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.ConformanceLayouts;
import io.heavenbase.conformance.ConformanceRows;
import io.heavenbase.conformance.ReferenceModel;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.InputLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized hostile filters (issue 12) on every embedded backend and split layouts: each of
 * hundreds of seeded shapes per layout (deep chains, wide ANDs/ORs, alternating nests, shared
 * subtrees, long in/nin lists, invalid leaves) must answer exactly like {@link ReferenceModel}, or
 * be rejected with a {@link ValidationException} where the input is invalid or over a documented
 * limit; any other throwable fails, and so does a query that runs longer than {@link #BOUND}.
 * Replay a reported failure with {@code -Dhb.hostile.seed=N}.
 */
class HostileRandomFilterTest {

    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final int SHAPES_PER_LAYOUT = 200;
    private static final long SEED = Long.getLong("hb.hostile.seed", 20_261_206L);

    static Stream<ConformanceLayout> layouts() {
        return Stream.of(ConformanceLayouts.inmem(), ConformanceLayouts.splitInMem(), ConformanceLayouts.sqliteMemory(),
                ConformanceLayouts.debugLike(), files("json"), files("pickle"), files("file"), splitFiles("json"),
                single("duckdb", Map.of("type", "duckdb", "database", ":memory:")), lance(), lanceSplit());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void givenHostileRandomFilters_whenQuery_thenReferenceAnswerOrValidationExceptionWithinTheBound(
            ConformanceLayout layout) {
        String id = "hostile-" + Long.toHexString(System.nanoTime());
        Workspace ws = HeavenBase.open(id, layout.backends());
        try {
            EntitySchema item = ws.register(ConformanceEntity.schema(layout));
            List<Map<String, Object>> rows = ConformanceRows.fixture();
            ws.upsertMany(item, rows);
            Random random = new Random(SEED ^ layout.name().hashCode());
            HostileFilters filters = new HostileFilters(random);
            int answered = 0;
            for (int i = 0; i < SHAPES_PER_LAYOUT; i++) {
                HostileFilters.Case generated = filters.next();
                if (check(ws, item, rows, generated, layout + " case " + i + " (" + generated.shape() + ")")) {
                    answered++;
                }
            }
            assertThat(answered).as("queries answered (not rejected)").isGreaterThan(SHAPES_PER_LAYOUT / 2);
        } finally {
            try {
                ws.drop();
            } finally {
                ws.close();
                layout.cleanup().run();
            }
        }
    }

    /** Runs one case; true when it was answered (and the answer was right). */
    private static boolean check(Workspace ws, EntitySchema item, List<Map<String, Object>> rows,
            HostileFilters.Case generated, String what) {
        List<String> ids;
        try {
            ids = assertTimeoutPreemptively(BOUND, () -> ws.query(item).where(generated.filter()).execute().ids(),
                    what + " ran longer than " + BOUND);
        } catch (ValidationException e) {
            if (generated.invalid()) {
                return false;
            }
            if (generated.nodes() > InputLimits.MAX_FILTER_NODES && "filter_size".equals(e.rule())) {
                return false;
            }
            if (generated.depth() > InputLimits.MAX_FILTER_DEPTH && "filter_depth".equals(e.rule())) {
                return false;
            }
            throw new AssertionError(what + ": rejected a valid filter within the limits: " + e.getMessage(), e);
        } catch (HeavenBaseException e) {
            throw new AssertionError(what + ": failed instead of answering: " + e, e);
        }
        if (generated.invalid() || generated.nodes() > InputLimits.MAX_FILTER_NODES) {
            fail(what + ": answered a filter that must be rejected (invalid or over " + InputLimits.MAX_FILTER_NODES
                    + " nodes)");
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(ReferenceModel::compareText);
        assertThat(sorted).as(what).containsExactlyElementsOf(ReferenceModel.idsWhere(rows, generated.meaning()));
        return true;
    }

    private static ConformanceLayout single(String name, Map<String, Object> config) {
        return new ConformanceLayout(name, Map.of("main", config), Map.of(), () -> { });
    }

    private static ConformanceLayout files(String type) {
        Path directory = temporaryDirectory();
        return new ConformanceLayout(type, Map.of("main", Map.of("type", type, "path", directory.toString())), Map.of(),
                () -> LanceFixtures.removeTree(directory));
    }

    private static ConformanceLayout splitFiles(String type) {
        Path directory = temporaryDirectory();
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", type, "path", directory.toString()));
        backends.put("vec", Map.of("type", "inmem"));
        return new ConformanceLayout("split-" + type, backends, Map.of(ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec", ConformanceEntity.ACTIVE, "vec", ConformanceEntity.TAGS, "vec"),
                () -> LanceFixtures.removeTree(directory));
    }

    private static ConformanceLayout lance() {
        Path directory = LanceFixtures.temporaryDirectory();
        return new ConformanceLayout("lance", Map.of("main", LanceFixtures.config(directory)), Map.of(),
                () -> LanceFixtures.removeTree(directory));
    }

    private static ConformanceLayout lanceSplit() {
        Path directory = LanceFixtures.temporaryDirectory();
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", ":memory:"));
        backends.put("vec", LanceFixtures.config(directory));
        return new ConformanceLayout("sqlite+lance", backends, Map.of(ConformanceEntity.EMBEDDING, "vec",
                ConformanceEntity.QTY, "vec", ConformanceEntity.PRICE, "vec", ConformanceEntity.COLOR, "vec"),
                () -> LanceFixtures.removeTree(directory));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("hb-hostile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
