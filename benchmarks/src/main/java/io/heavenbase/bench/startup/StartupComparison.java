package io.heavenbase.bench.startup;

import io.heavenbase.bench.Measurement;
import io.heavenbase.bench.RowResult;
import io.heavenbase.bench.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The startup row: the {@code debug}-preset app vs the empty app, started alternately several
 * times (the first start of each is a discarded warm-up of the disk cache). Reports the median
 * wall-clock time to "started in" and the median RSS, each ± half the spread (max - min) / 2.
 */
public final class StartupComparison {

    public static final String BENCH = "Quarkus startup with the `debug` preset";
    public static final String RSS_BENCH = "RSS after startup with the `debug` preset";
    private static final String VERSUS = "an empty Quarkus app";
    private static final Target TIME_TARGET = Target.atMost(1.3);

    private final Path root;
    private final Path work;
    private final int runs;

    /**
     * @param root the repository root (holding mvnw)
     * @param work the directory for the private repository, build logs and app logs
     * @param runs measured starts per app
     */
    public StartupComparison(Path root, Path work, int runs) {
        this.root = root;
        this.work = work;
        this.runs = runs;
    }

    /** Both rows, or both not run with the reason (no mvnw here, a failed build, an app that did not start). */
    public List<RowResult> run() {
        if (!Files.isExecutable(root.resolve("mvnw"))) {
            return notRun("run the harness from the repository root (no mvnw in " + root.toAbsolutePath() + ")");
        }
        try {
            StartupApps apps = new StartupApps(root, work);
            System.out.println("Building the startup apps (log in " + work.toAbsolutePath() + ")");
            apps.build();
            StartupProbe probe = new StartupProbe(work.resolve("run"));
            List<StartupProbe.Start> debug = new ArrayList<>();
            List<StartupProbe.Start> empty = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                StartupProbe.Start emptyStart = probe.start(apps.launcher("empty"));
                StartupProbe.Start debugStart = probe.start(apps.launcher("debug"));
                System.out.printf("start %d: empty %.0f ms %.0f MiB, debug %.0f ms %.0f MiB%n", i,
                        emptyStart.millis(), emptyStart.rssMib(), debugStart.millis(), debugStart.rssMib());
                if (i > 0) {
                    empty.add(emptyStart);
                    debug.add(debugStart);
                }
            }
            return List.of(
                    RowResult.measured(BENCH, VERSUS, TIME_TARGET, median(debug, true, "ms"), median(empty, true, "ms")),
                    RowResult.measured(RSS_BENCH, VERSUS, Target.report(), median(debug, false, "MiB"),
                            median(empty, false, "MiB")));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.out.println("Startup benchmark failed: " + e);
            return notRun("failed: " + e.getMessage());
        }
    }

    private static List<RowResult> notRun(String reason) {
        return List.of(RowResult.notRun(BENCH, VERSUS, TIME_TARGET, reason),
                RowResult.notRun(RSS_BENCH, VERSUS, Target.report(), reason));
    }

    private static Measurement median(List<StartupProbe.Start> starts, boolean time, String unit) {
        double[] values = starts.stream().mapToDouble(s -> time ? s.millis() : s.rssMib()).sorted().toArray();
        int middle = values.length / 2;
        double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        double spread = (values[values.length - 1] - values[0]) / 2;
        return new Measurement(median, spread, unit);
    }
}
