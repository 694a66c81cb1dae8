package io.heavenbase.bench;

import java.util.Locale;

/**
 * A row's target for the ratio HeavenBase / baseline: at least {@code ratio} when HeavenBase's
 * number is a throughput (higher is better), at most {@code ratio} when it is a time. A NaN ratio
 * means the row is only reported (RSS), which always counts as met.
 */
public record Target(double ratio, boolean atLeast) {

    public static Target atLeast(double ratio) {
        return new Target(ratio, true);
    }

    public static Target atMost(double ratio) {
        return new Target(ratio, false);
    }

    /** No target: the numbers are reported only. */
    public static Target report() {
        return new Target(Double.NaN, false);
    }

    public boolean met(double measured) {
        if (Double.isNaN(ratio)) {
            return true;
        }
        return atLeast ? measured >= ratio : measured <= ratio;
    }

    @Override
    public String toString() {
        if (Double.isNaN(ratio)) {
            return "report";
        }
        return (atLeast ? "≥ " : "≤ ") + String.format(Locale.ROOT, "%.1f", ratio);
    }
}
