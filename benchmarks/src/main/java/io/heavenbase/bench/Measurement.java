package io.heavenbase.bench;

import java.util.Locale;

/** A score with its error (JMH: half-width of the 99.9% confidence interval; NaN when unknown). */
public record Measurement(double score, double error, String unit) {

    @Override
    public String toString() {
        String error = Double.isNaN(this.error) ? "?" : format(this.error);
        return format(score) + " ± " + error + " " + unit;
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
