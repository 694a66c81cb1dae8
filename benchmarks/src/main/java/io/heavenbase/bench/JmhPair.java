package io.heavenbase.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs the two JMH benchmarks of one row and reads their primary results. */
final class JmhPair {

    /** Heap of each forked JVM: the same on both sides, ample for 100k rows or 50k vectors. */
    private static final String HEAP = "-Xmx2g";
    private static final String SERVICE_PROPERTIES = "heavenbase.test.";
    private static final TimeValue SMOKE_ITERATION = TimeValue.milliseconds(200);

    private final RunSettings settings;

    JmhPair(RunSettings settings) {
        this.settings = settings;
    }

    RowResult run(BenchmarkRow row) throws RunnerException {
        Effort effort = settings.effortFor(row.effort());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(row.benchmark().getName()) + "\\.(heavenbase|baseline)$")
                .forks(effort.forks())
                .warmupIterations(effort.warmups())
                .measurementIterations(effort.iterations())
                .shouldFailOnError(true)
                .jvmArgsAppend(forkArguments());
        if (settings.profiler() != null) {
            int colon = settings.profiler().indexOf(':');
            if (colon < 0) {
                options.addProfiler(settings.profiler());
            } else {
                options.addProfiler(settings.profiler().substring(0, colon), settings.profiler().substring(colon + 1));
            }
        }
        if (settings.smoke()) {
            options.param("size", String.valueOf(RunSettings.SMOKE_SIZE))
                    .warmupTime(SMOKE_ITERATION)
                    .measurementTime(SMOKE_ITERATION)
                    .verbosity(VerboseMode.SILENT);
        } else {
            options.warmupTime(TimeValue.seconds(effort.warmupSeconds()))
                    .measurementTime(TimeValue.seconds(effort.iterationSeconds()));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        return RowResult.measured(row.bench(), row.versus(), row.target(),
                measurement(results, row.heavenbaseLabel()), measurement(results, row.baselineLabel()));
    }

    /**
     * The heap, and the {@value #SERVICE_PROPERTIES}* system properties: where this JVM found or started the
     * services (a search node, a PGlite server), so the forks use the same ones.
     */
    private static String[] forkArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add(HEAP);
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(SERVICE_PROPERTIES)) {
                arguments.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        return arguments.toArray(String[]::new);
    }

    private static Measurement measurement(Collection<RunResult> results, String label) {
        for (RunResult result : results) {
            if (result.getParams().getBenchmark().equals(label)) {
                Result<?> primary = result.getPrimaryResult();
                return new Measurement(primary.getScore(), primary.getScoreError(), primary.getScoreUnit());
            }
        }
        throw new IllegalStateException("JMH reported no result for " + label);
    }
}
