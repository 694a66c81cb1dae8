package io.heavenbase.backend.sql.postgres;

import io.heavenbase.ConfigurationException;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.DevServiceDescription;
import java.util.List;

/**
 * The {@code pgvector} backend: the postgres backend plus the pgvector extension (created when
 * missing) for Vector fields and native {@code near}. Keys: those of {@code postgres}, plus
 * {@code index} ({@code hnsw}, the default, {@code ivfflat} or {@code none}: the approximate index
 * of VectorIndex fields) and {@code exact-near-limit} (default {@value #DEFAULT_EXACT_NEAR_LIMIT}:
 * up to this many rows in the table, or candidate ids, {@code near} scans exactly instead of using
 * the index; see {@link PgvectorNearSearch}).
 */
public final class PgvectorProvider extends PostgresProvider {

    static final String INDEX = "index";
    static final String EXACT_NEAR_LIMIT = "exact-near-limit";
    static final int DEFAULT_EXACT_NEAR_LIMIT = 10_000;

    /** The {@code pgvector} type. */
    public PgvectorProvider() {
        super("pgvector", PgvectorDialect.CAPABILITIES, keysWith(INDEX, EXACT_NEAR_LIMIT));
    }

    /** A pgvector container; the embedded PostgreSQL binaries have no pgvector, so there is no embedded server. */
    @Override
    public DevServiceDescription devServices() {
        return new DevServiceDescription(container("pgvector/pgvector:pg17"), null);
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        List<ConfigKey> keys = new java.util.ArrayList<>(super.keyDescriptions());
        keys.add(ConfigKey.text(INDEX, PgvectorIndex.HNSW.id(), "Vector index of VectorIndex fields: hnsw, ivfflat "
                + "or none."));
        keys.add(ConfigKey.integer(EXACT_NEAR_LIMIT, DEFAULT_EXACT_NEAR_LIMIT, "Up to this many eligible rows, near "
                + "scores every row exactly instead of using the index."));
        return List.copyOf(keys);
    }

    @Override
    protected SqlDialect dialect(BackendConfig config) {
        String value = config.string(INDEX, PgvectorIndex.HNSW.id());
        PgvectorIndex index = PgvectorIndex.parse(value);
        if (index == null) {
            throw new ConfigurationException(config.property(INDEX), "invalid " + config.property(INDEX) + " '"
                    + value + "': use hnsw, ivfflat or none");
        }
        int exactNearLimit = config.integer(EXACT_NEAR_LIMIT, DEFAULT_EXACT_NEAR_LIMIT);
        if (exactNearLimit < 0) {
            throw new ConfigurationException(config.property(EXACT_NEAR_LIMIT),
                    config.property(EXACT_NEAR_LIMIT) + " must not be negative, got " + exactNearLimit);
        }
        return new PgvectorDialect(index, exactNearLimit);
    }
}
