package io.heavenbase.quarkus.runtime.devui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;

/**
 * A backend's capability table as rows for the Dev UI: one per type and strategy it can store, with the operations it
 * runs natively and those the engine runs for it.
 */
public final class CapabilityMatrix {

    private CapabilityMatrix() {
    }

    /**
     * One row per storable (type, strategy) pair: {@code dtype}, {@code strategy}, {@code native} and {@code engine}
     * (operation ids, comma separated, sorted).
     *
     * @param dtypes the types to list, in order (a workspace's {@code capabilities().dtypes()})
     */
    public static List<Map<String, String>> rows(CapabilityTable table, List<DType> dtypes) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (DType dtype : dtypes) {
            for (Strategy strategy : table.strategies(dtype)) {
                TreeSet<String> nativeOps = new TreeSet<>();
                TreeSet<String> engineOps = new TreeSet<>();
                for (String op : table.ops(dtype, strategy)) {
                    (table.isNative(dtype, strategy, op) ? nativeOps : engineOps).add(op);
                }
                Map<String, String> row = new LinkedHashMap<>();
                row.put("dtype", dtype.toString());
                row.put("strategy", strategy.id());
                row.put("native", String.join(", ", nativeOps));
                row.put("engine", String.join(", ", engineOps));
                rows.add(row);
            }
        }
        return rows;
    }
}
