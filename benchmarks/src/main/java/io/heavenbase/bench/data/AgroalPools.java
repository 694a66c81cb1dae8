package io.heavenbase.bench.data;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.sql.SQLException;
import java.time.Duration;

/** Agroal connection pools for the baselines, as Quarkus would hand a library its datasource. */
public final class AgroalPools {

    private AgroalPools() {
    }

    /** A pool of at most {@code maxSize} PostgreSQL connections to {@code url}, opened on demand. */
    public static AgroalDataSource postgres(String url, int maxSize, boolean rewriteBatchedInserts)
            throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.minSize(0).initialSize(0).maxSize(maxSize)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClassName("org.postgresql.Driver").jdbcUrl(url)
                                .jdbcProperty("reWriteBatchedInserts", String.valueOf(rewriteBatchedInserts)))));
    }
}
