package io.heavenbase.backend.inmem;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.support.ProviderBase;
import java.util.EnumSet;
import java.util.Set;

/**
 * The {@code inmem} backend: rows in process memory, gone when the workspace closes. Stores every
 * kind inline, arrays also as side table and sparse-gram index, HyperG also as side table and
 * vectors also as vector index, and runs every applicable operation natively (via
 * {@link io.heavenbase.spi.support.RowScan}). Accepts no configuration besides {@code type} and
 * {@code prefix}.
 */
public final class InMemProvider extends ProviderBase {

    public static final String TYPE = "inmem";

    private static final CapabilityTable CAPABILITIES = buildCapabilities();

    /** The provider {@link java.util.ServiceLoader} finds. */
    public InMemProvider() {
        super(TYPE, CAPABILITIES, Set.of());
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        return new InMemBackend(config.backendName(), config.prefix(), CAPABILITIES);
    }

    private static CapabilityTable buildCapabilities() {
        String[] every = Ops.ALL.toArray(new String[0]);
        return CapabilityTable.builder()
                .store(Strategy.INLINE_COLUMN, EnumSet.allOf(Kind.class), every)
                .store(Strategy.SIDE_TABLE, EnumSet.of(Kind.ARRAY, Kind.HYPERG), every)
                .store(Strategy.SPARSE_GRAM_INDEX, Kind.ARRAY, every)
                .store(Strategy.VECTOR_INDEX, Kind.VECTOR, every)
                .build();
    }
}
