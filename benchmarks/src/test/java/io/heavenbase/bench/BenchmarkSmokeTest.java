package io.heavenbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The harness's smoke mode, run by CI: every benchmark pair whose services are present runs once
 * on {@value RunSettings#SMOKE_SIZE} rows. Pairs that cannot run here are reported as skipped with
 * the reason. No timing is asserted, only that both sides work and agree.
 */
class BenchmarkSmokeTest {

    private static Map<String, RowResult> smokeRun;

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

    private static void skipIfUnavailable(BenchmarkRow row) {
        Optional<String> reason = row.skipReason().get();
        Assumptions.assumeTrue(reason.isEmpty(), () -> "not available here: " + reason.orElse(""));
    }
}
