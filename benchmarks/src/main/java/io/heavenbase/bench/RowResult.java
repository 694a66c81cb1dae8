package io.heavenbase.bench;

/**
 * The outcome of one row: both measurements and their ratio, or why it did not run. {@code bench}
 * and {@code versus} describe the row as printed.
 */
public record RowResult(String bench, String versus, Target target, Measurement heavenbase, Measurement baseline,
        String notRun) {

    public static RowResult measured(String bench, String versus, Target target, Measurement heavenbase,
            Measurement baseline) {
        return new RowResult(bench, versus, target, heavenbase, baseline, null);
    }

    public static RowResult notRun(String bench, String versus, Target target, String reason) {
        return new RowResult(bench, versus, target, null, null, reason);
    }

    public boolean ran() {
        return notRun == null;
    }

    /** HeavenBase's score divided by the baseline's. */
    public double ratio() {
        return heavenbase.score() / baseline.score();
    }

    public boolean met() {
        return ran() && target.met(ratio());
    }
}
