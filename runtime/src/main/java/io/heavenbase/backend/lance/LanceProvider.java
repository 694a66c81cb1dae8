package io.heavenbase.backend.lance;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.support.DriverProbe;
import io.heavenbase.spi.support.ProviderBase;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code lance} backend: one Lance dataset per entity part under a local directory, through
 * {@code com.lancedb:lance-core} (an optional dependency; the JVM needs
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED}).
 *
 * <p>Configuration ({@link LanceSettings}): {@code path}, {@code prefix}, {@code exact-near-limit},
 * {@code index-min-rows}, {@code nprobes}, {@code compact-every}.
 *
 * <p>Capabilities, each checked against lance-core 0.39.0 by the tests: every kind is storable
 * inline and vectors also as {@code VectorIndex}. Native: {@code eq ne lt lte gt gte in nin null
 * order} on text kinds, Identifier, Categorical, Integer, Float, Timestamp and Date; {@code eq ne in
 * nin null order} on Boolean; {@code array_contains null} on arrays; {@code null} on vectors, Json,
 * HyperG and Artifact; {@code near} on {@code VectorIndex} vectors. {@code match} and
 * {@code contained_in} run in the engine.
 */
public final class LanceProvider extends ProviderBase {

    public static final String TYPE = "lance";
    /** What an application adds to use this backend. */
    public static final String DRIVER = "com.lancedb:lance-core:0.39.0";

    private static final DriverProbe PROBE = new DriverProbe("Lance", DRIVER, List.of("com.lancedb.lance.Dataset",
            "org.apache.arrow.memory.RootAllocator", "org.apache.arrow.c.Data"));
    private static final Set<Kind> RANGED = EnumSet.of(Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.MEDIUM_TEXT,
            Kind.LONG_TEXT, Kind.CATEGORICAL, Kind.INTEGER, Kind.FLOAT, Kind.TIMESTAMP, Kind.DATE);
    private static final CapabilityTable CAPABILITIES = CapabilityTable.builder()
            .store(Strategy.INLINE_COLUMN, RANGED, Ops.EQ, Ops.NE, Ops.LT, Ops.LTE, Ops.GT, Ops.GTE, Ops.IN, Ops.NIN,
                    Ops.NULL, Ops.ORDER)
            .store(Strategy.INLINE_COLUMN, Kind.BOOLEAN, Ops.EQ, Ops.NE, Ops.IN, Ops.NIN, Ops.NULL, Ops.ORDER)
            .store(Strategy.INLINE_COLUMN, Kind.ARRAY, Ops.ARRAY_CONTAINS, Ops.NULL)
            .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.VECTOR, Kind.JSON, Kind.HYPERG, Kind.ARTIFACT), Ops.NULL)
            .store(Strategy.VECTOR_INDEX, Kind.VECTOR, Ops.NEAR, Ops.NULL)
            .build();

    /** The provider {@link java.util.ServiceLoader} finds. */
    public LanceProvider() {
        super(TYPE, CAPABILITIES, LanceSettings.KEYS, PROBE);
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return LanceBackend.class;
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.text(LanceSettings.PATH, "The directory of the datasets."),
                ConfigKey.integer(LanceSettings.EXACT_NEAR_LIMIT, LanceSettings.DEFAULT_EXACT_NEAR_LIMIT,
                        "Up to this many eligible rows, near scores every row exactly."),
                ConfigKey.integer(LanceSettings.INDEX_MIN_ROWS, LanceSettings.DEFAULT_INDEX_MIN_ROWS,
                        "Rows a dataset holds before a VectorIndex field gets an IVF index (0 never)."),
                ConfigKey.integer(LanceSettings.NPROBES, LanceSettings.DEFAULT_NPROBES, "IVF partitions searched per query."),
                ConfigKey.integer(LanceSettings.COMPACT_EVERY, LanceSettings.DEFAULT_COMPACT_EVERY, "A dataset is compacted after this many writes "
                        + "(0 never)."));
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        requireDriver(config);
        return new LanceBackend(LanceSettings.of(config), CAPABILITIES);
    }
}
