package io.heavenbase.quarkus.runtime;

import javax.sql.DataSource;

import io.agroal.api.AgroalDataSource;
import io.heavenbase.ConfigurationException;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.InjectableInstance;

/**
 * Looks up the Agroal datasources SQL server backends take their connections from. Only used when the build
 * found datasources, so {@code quarkus-agroal} is on the class path whenever this class is loaded.
 */
final class AgroalDataSources {

    private AgroalDataSources() {
    }

    /** Whether the datasource exists and is active; the reason names the backend's property otherwise. */
    static ActiveResult check(BackendDefinition backend, String dataSource) {
        InjectableInstance<AgroalDataSource> instance = AgroalDataSourceUtil.dataSourceInstance(dataSource);
        if (!instance.isResolvable()) {
            return ActiveResult.inactive("backend '" + backend.getName() + "' uses datasource '" + dataSource
                    + "' (" + backend.property("datasource") + "), which does not exist");
        }
        ActiveResult active = instance.getHandle().getBean().checkActive();
        if (active.value()) {
            return active;
        }
        return ActiveResult.inactive("backend '" + backend.getName() + "' uses datasource '" + dataSource
                + "', which is inactive", active);
    }

    /** The datasource, failing with the backend's property when it cannot be used. */
    static DataSource require(BackendDefinition backend, String dataSource) {
        ActiveResult active = check(backend, dataSource);
        if (!active.value()) {
            throw new ConfigurationException(backend.property("datasource"), active.inactiveReason()
                    + (active.inactiveCause() == null ? "" : ": " + active.inactiveCause().inactiveReason()));
        }
        return AgroalDataSourceUtil.dataSourceInstance(dataSource).get();
    }
}
