package io.heavenbase.backend.sql;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ExceptionSorter;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The pool a server backend opens for itself from a {@code url} (Agroal also runs outside Quarkus): connections open
 * on demand up to {@code maxSize}, a wait for one gives up after 30 s, idle ones are validated after 30 s and closed
 * after 5 min, and one that failed fatally (server restarted, network cut; told by the driver's exception sorter) is
 * dropped instead of handed out again. Only pool classes name Agroal types, so providers load without Agroal.
 */
public final class AgroalPools {

    private AgroalPools() {
    }

    /**
     * A new pool. {@code username} and {@code password} may be null (then the URL's apply); {@code connection} sets
     * the driver, URL and driver properties.
     */
    public static AgroalDataSource open(int maxSize, boolean metrics, ExceptionSorter sorter, String username,
            String password, Consumer<AgroalConnectionFactoryConfigurationSupplier> connection) throws SQLException {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(metrics)
                .connectionPoolConfiguration(pool -> pool.minSize(0).initialSize(0).maxSize(maxSize)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionValidator(ConnectionValidator.defaultValidator())
                        .exceptionSorter(sorter)
                        .idleValidationTimeout(Duration.ofSeconds(30))
                        .reapTimeout(Duration.ofMinutes(5))
                        .connectionFactoryConfiguration(factory -> {
                            connection.accept(factory);
                            if (username != null) {
                                factory.principal(new NamePrincipal(username));
                            }
                            if (password != null) {
                                factory.credential(new SimplePassword(password));
                            }
                            return factory;
                        }));
        return AgroalDataSource.from(configuration);
    }
}
