package io.heavenbase.capability;

import io.heavenbase.BackendOption;
import io.heavenbase.ExecutionMode;
import io.heavenbase.WorkspaceCapabilities;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers capability questions over a set of named capability tables: the global view names them by
 * backend key, a workspace view by backend name. Both read the providers' tables, nothing else.
 */
public final class CapabilityView implements WorkspaceCapabilities {

    /** A named table: {@code name} is what callers pass as {@code backend}, {@code type} its key. */
    public record Entry(String name, String type, CapabilityTable table) {
    }

    private final Map<String, Entry> entries;

    public CapabilityView(List<Entry> entries) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byName.put(entry.name(), entry);
        }
        this.entries = Collections.unmodifiableMap(byName);
    }

    @Override
    public List<DType> dtypes() {
        return List.of(DType.IDENTIFIER, DType.SHORT_TEXT, DType.MEDIUM_TEXT, DType.LONG_TEXT, DType.INTEGER,
                DType.FLOAT, DType.BOOLEAN, DType.categorical("a", "b"), DType.TIMESTAMP, DType.DATE, DType.ARRAY,
                DType.vector(1), DType.JSON, DType.HYPERG, DType.ARTIFACT);
    }

    @Override
    public Set<Strategy> strategies(DType dtype) {
        Set<Strategy> out = EnumSet.noneOf(Strategy.class);
        for (Entry entry : entries.values()) {
            out.addAll(entry.table().strategies(dtype));
        }
        return out;
    }

    @Override
    public List<BackendOption> backends(DType dtype, String op) {
        List<BackendOption> out = new ArrayList<>();
        for (Entry entry : entries.values()) {
            for (Strategy strategy : entry.table().strategies(dtype)) {
                Optional<ExecutionMode> mode = entry.table().mode(dtype, strategy, op);
                mode.ifPresent(m -> out.add(new BackendOption(entry.name(), entry.type(), strategy.id(), m)));
            }
        }
        return out;
    }

    @Override
    public Set<String> ops(DType dtype, Strategy strategy, String backend) {
        Entry entry = entries.get(backend);
        return entry == null ? Set.of() : entry.table().ops(dtype, strategy);
    }

    @Override
    public boolean supports(DType dtype, String op, String backend, Strategy strategy) {
        return mode(dtype, strategy, op, backend).isPresent();
    }

    @Override
    public Optional<ExecutionMode> mode(DType dtype, Strategy strategy, String op, String backend) {
        Entry entry = entries.get(backend);
        return entry == null ? Optional.empty() : entry.table().mode(dtype, strategy, op);
    }

    @Override
    public Optional<ExecutionMode> mode(DType dtype, Strategy strategy, String op, String backend,
            boolean fullTextIndex) {
        Entry entry = entries.get(backend);
        return entry == null ? Optional.empty() : entry.table().mode(dtype, strategy, op, fullTextIndex);
    }
}
