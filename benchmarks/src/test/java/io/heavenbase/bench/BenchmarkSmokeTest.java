package io.heavenbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.bench.data.Services;
import io.heavenbase.testsupport.NpmTestServers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The harness's smoke mode, run by CI: every benchmark pair whose services are present runs once
 * on {@value RunSettings#SMOKE_SIZE} rows. Pairs that cannot run here are reported as skipped with
 * the reason. No timing is asserted, only that both sides work and agree. The search rows' availability check
 * starts an OpenSearch node in this JVM unless {@code HEAVENBASE_TEST_ELASTICSEARCH_HOSTS} is set
 * ({@link Services#searchNode}).
 */
class BenchmarkSmokeTest {

    private static Map<String, RowResult> smokeRun;

    /** Without {@code HEAVENBASE_TEST_PGVECTOR_URL}, the pgvector rows run on a PGlite server started here. */
    @BeforeAll
    static void startPgliteUnlessConfigured() {
        String configured = System.getenv(Services.PGVECTOR_VARIABLE);
        if (configured == null || configured.isBlank()) {
            try {
                System.setProperty(Services.PGVECTOR_PROPERTY, NpmTestServers.pgliteUrl());
            } catch (IllegalStateException e) {
                System.out.println("cannot start PGlite for the pgvector rows: " + e.getMessage());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> heavenbaseFindsWhatItsBaselineFinds() {
        return BenchmarkRows.all().stream().map(row -> DynamicTest.dynamicTest(row.bench(), () -> {
            skipIfUnavailable(row);
            try (PairedBenchmark benchmark = row.benchmark().getDeclaredConstructor().newInstance()) {
                benchmark.open(RunSettings.SMOKE_SIZE);

                Object heavenbase = benchmark.checkHeavenbase();
                Object baseline = benchmark.checkBaseline();

                assertThat(baseline).isNotNull();
                if (baseline instanceof Collection<?> found) {
                    assertThat(found).isNotEmpty();
                }
                assertThat(heavenbase).isEqualTo(baseline);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> bothSidesMeasureAPositiveThroughputUnderJmh() {
        return BenchmarkRows.all().stream().map(row -> DynamicTest.dynamicTest(row.bench(), () -> {
            skipIfUnavailable(row);

            RowResult result = smokeRun().get(row.bench());

            assertThat(result.notRun()).as("why it did not run").isNull();
            assertThat(result.heavenbase().score()).as("HeavenBase score").isPositive();
            assertThat(result.baseline().score()).as("baseline score").isPositive();
        }));
    }

    /** One JMH smoke run of every available row, shared by the per-row checks. */
    private static synchronized Map<String, RowResult> smokeRun() {
        if (smokeRun == null) {
            List<RowResult> results = new BenchmarkRunner(RunSettings.smokeSettings()).run();
            System.out.println(RatioTable.markdown(results));
            smokeRun = results.stream().collect(Collectors.toMap(RowResult::bench, Function.identity()));
        }
        return smokeRun;
    }

    /** Skips a row whose service is absent, loudly; under CI=true or HEAVENBASE_REQUIRE_SERVICES=true it fails. */
    private static void skipIfUnavailable(BenchmarkRow row) {
        Optional<String> reason = row.skipReason().get();
        if (reason.isEmpty()) {
            return;
        }
        String message = "benchmark pair '" + row.bench() + "' not available here: " + reason.get();
        if (servicesRequired()) {
            Assertions.fail(message + " (services are required: CI or HEAVENBASE_REQUIRE_SERVICES is true)");
        }
        System.out.println("SKIPPED " + message);
        Assumptions.abort(message);
    }

    private static boolean servicesRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("HEAVENBASE_REQUIRE_SERVICES"));
    }
}
