package io.heavenbase.bench;

import java.util.List;
import java.util.Locale;

/** The results as a Markdown table: bench | vs | HeavenBase | baseline | ratio | target | met? */
final class RatioTable {

    private RatioTable() {
    }

    static String markdown(List<RowResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| bench | HeavenBase vs | HeavenBase | baseline | ratio | target | met? |\n");
        out.append("|---|---|---:|---:|---:|---|---|\n");
        for (RowResult result : results) {
            out.append("| ").append(result.bench()).append(" | ").append(result.versus()).append(" | ");
            if (result.ran()) {
                out.append(result.heavenbase()).append(" | ").append(result.baseline()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", result.ratio())).append(" | ")
                        .append(result.target()).append(" | ").append(result.met() ? "yes" : "**no**");
            } else {
                out.append("— | — | — | ").append(result.target()).append(" | not run: ")
                        .append(result.notRun().replace("|", "\\|"));
            }
            out.append(" |\n");
        }
        return out.toString();
    }
}
