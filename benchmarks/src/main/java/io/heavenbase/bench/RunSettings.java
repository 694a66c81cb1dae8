package io.heavenbase.bench;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How the harness runs. Full mode measures with each row's effort (or the overrides) and writes
 * the docs; smoke mode runs every available pair once on tiny data in this JVM and writes nothing.
 *
 * <pre>
 * --smoke              every pair once, {@value #SMOKE_SIZE} rows, no fork (also -Dbench.smoke=true)
 * --only REGEX         rows whose bench text matches (find, case-insensitive)
 * --forks N            --warmups N   --iterations N   --time SECONDS  (override every row's effort)
 * --no-startup         leave out the Quarkus startup row
 * --docs PATH          where to write the results (default docs/benchmarks.md); --no-docs to skip
 * --prof NAME[:OPTS]   add a JMH profiler to every run, e.g. stack, gc, jfr (implies --no-docs)
 * </pre>
 */
public record RunSettings(boolean smoke, Pattern only, int forks, int warmups, int iterations, int seconds,
        boolean startup, Path docs, String profiler) {

    /** Rows (or vectors) per data set in smoke mode. */
    public static final int SMOKE_SIZE = 1000;

    public static RunSettings smokeSettings() {
        return new RunSettings(true, null, 0, 0, 1, 1, false, null, null);
    }

    public static RunSettings parse(String... args) {
        boolean smoke = Boolean.getBoolean("bench.smoke");
        Pattern only = null;
        int forks = -1;
        int warmups = -1;
        int iterations = 0;
        int seconds = 0;
        boolean startup = true;
        Path docs = Path.of("docs", "benchmarks.md");
        String profiler = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke":
                    smoke = true;
                    break;
                case "--only":
                    only = Pattern.compile(value(args, ++i), Pattern.CASE_INSENSITIVE);
                    break;
                case "--forks":
                    forks = Integer.parseInt(value(args, ++i));
                    break;
                case "--warmups":
                    warmups = Integer.parseInt(value(args, ++i));
                    break;
                case "--iterations":
                    iterations = Integer.parseInt(value(args, ++i));
                    break;
                case "--time":
                    seconds = Integer.parseInt(value(args, ++i));
                    break;
                case "--no-startup":
                    startup = false;
                    break;
                case "--docs":
                    docs = Path.of(value(args, ++i));
                    break;
                case "--prof":
                    profiler = value(args, ++i);
                    break;
                case "--no-docs":
                    docs = null;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option '" + args[i]
                            + "'; options: --smoke --only REGEX --forks N --warmups N --iterations N --time SECONDS"
                            + " --no-startup --docs PATH --no-docs --prof NAME");
            }
        }
        if (smoke) {
            return new RunSettings(true, only, 0, 0, 1, 1, false, null, null);
        }
        return new RunSettings(false, only, forks, warmups, iterations, seconds, startup,
                profiler == null ? docs : null, profiler);
    }

    public boolean includes(String bench) {
        return only == null || only.matcher(bench).find();
    }

    /** The effort for a row: smoke's single short iteration, or the row's effort with the overrides. */
    public Effort effortFor(Effort rowEffort) {
        return rowEffort.with(forks, warmups, iterations, seconds);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException("option " + args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
