package io.heavenbase.bench;

import io.heavenbase.bench.startup.StartupComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every benchmark row whose services are present, prints the ratio table and, in full mode,
 * writes it to {@code docs/benchmarks.md}. Options: see {@link RunSettings}.
 *
 * <pre>
 * ./mvnw -Pbenchmarks -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar
 * </pre>
 */
public final class BenchmarkRunner {

    /** Measured starts per startup app (after one discarded warm-up start each). */
    private static final int STARTUP_RUNS = 5;
    private static final Path STARTUP_WORK = Path.of("benchmarks", "target-startup-bench");

    private final RunSettings settings;

    public BenchmarkRunner(RunSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws IOException {
        RunSettings settings = RunSettings.parse(args);
        long started = System.nanoTime();
        List<RowResult> results = new BenchmarkRunner(settings).run();
        String table = RatioTable.markdown(results);
        System.out.println();
        System.out.println(table);
        if (settings.docs() != null && !settings.smoke()) {
            MachineDescription machine = MachineDescription.current();
            String measured = "Measured " + machine.date() + " with `java -jar benchmarks.jar"
                    + (args.length == 0 ? "" : " " + String.join(" ", args)) + "` in "
                    + Math.round((System.nanoTime() - started) / 60e9) + " min on:\n\n"
                    + machine.markdown() + "\n" + table;
            BenchmarksDoc.write(settings.docs(), measured);
            System.out.println("Wrote " + settings.docs().toAbsolutePath());
        }
    }

    /** Every included row: measured, or not run with the reason (missing service or failure). */
    public List<RowResult> run() {
        List<RowResult> results = new ArrayList<>();
        JmhPair jmh = new JmhPair(settings);
        for (BenchmarkRow row : BenchmarkRows.all()) {
            if (!settings.includes(row.bench())) {
                continue;
            }
            Optional<String> skip = row.skipReason().get();
            if (skip.isPresent()) {
                System.out.println("Skipping '" + row.bench() + "': " + skip.get());
                results.add(RowResult.notRun(row.bench(), row.versus(), row.target(), skip.get()));
                continue;
            }
            System.out.println("Running '" + row.bench() + "' vs " + row.versus());
            try {
                results.add(jmh.run(row));
            } catch (Exception e) {
                System.out.println("Failed '" + row.bench() + "': " + e);
                results.add(RowResult.notRun(row.bench(), row.versus(), row.target(), "failed: " + e.getMessage()));
            }
        }
        if (settings.startup() && settings.includes(StartupComparison.BENCH)) {
            System.out.println("Running '" + StartupComparison.BENCH + "'");
            Path root = Path.of("").toAbsolutePath();
            results.addAll(new StartupComparison(root, root.resolve(STARTUP_WORK), STARTUP_RUNS).run());
        }
        return results;
    }
}
