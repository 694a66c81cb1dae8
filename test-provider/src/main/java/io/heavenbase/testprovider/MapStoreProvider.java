package io.heavenbase.testprovider;

import io.heavenbase.ConfigurationException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConfigKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code mapstore} backend type: rows in memory, every query run by the SPI's row scan. It exists to show that a
 * backend from another jar gets configuration keys, health, Dev UI rows and build-time checks from its provider
 * alone. Key: {@code capacity} (rows per entity part, default {@value #DEFAULT_CAPACITY}).
 */
public final class MapStoreProvider implements BackendProvider {

    static final String TYPE = "mapstore";
    static final String CAPACITY = "capacity";
    static final int DEFAULT_CAPACITY = 100_000;

    static final CapabilityTable CAPABILITIES = buildCapabilities();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CapabilityTable capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Set<String> configKeys() {
        return Set.of(CAPACITY);
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.integer(CAPACITY, DEFAULT_CAPACITY, "Rows one entity part holds at most."));
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return MapStoreBackend.class;
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        int capacity = config.integer(CAPACITY, DEFAULT_CAPACITY);
        if (capacity < 1) {
            throw new ConfigurationException(config.property(CAPACITY),
                    config.property(CAPACITY) + " must be at least 1, got " + capacity);
        }
        return new MapStoreBackend(config.backendName(), config.prefix(), capacity);
    }

    private static CapabilityTable buildCapabilities() {
        // every op but search: this store keeps no term statistics, so the engine ranks search (Backend.search is
        // called only for a field whose table says search is native)
        String[] every = Ops.ALL.stream().filter(op -> !op.equals(Ops.SEARCH)).toArray(String[]::new);
        return CapabilityTable.builder()
                .store(Strategy.INLINE_COLUMN, EnumSet.allOf(Kind.class), every)
                .store(Strategy.SIDE_TABLE, EnumSet.of(Kind.ARRAY, Kind.HYPERG), every)
                .store(Strategy.SPARSE_GRAM_INDEX, Kind.ARRAY, every)
                .store(Strategy.VECTOR_INDEX, Kind.VECTOR, every)
                .build();
    }
}
