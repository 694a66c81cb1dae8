package io.heavenbase.quarkus.deployment.devservices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.heavenbase.quarkus.runtime.BackendDefinition;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.datasource.deployment.spi.DevServicesDatasourceConfigurationHandlerBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Serves a Quarkus datasource that a HeavenBase backend uses from the embedded server HeavenBase Dev Services
 * start without a container runtime: when the datasource has no URL and Quarkus' own Dev Services cannot start one
 * for it, the embedded PostgreSQL (or MariaDB, with its opt-in library) provides
 * {@code quarkus.datasource."name".jdbc.url} and {@code .username}.
 */
final class DataSourceServices {

    private static final Logger LOG = Logger.getLogger(DataSourceServices.class);
    private static final String DEFAULT = "<default>";
    /** The database kinds each backend type's embedded server speaks. */
    private DataSourceServices() {
    }

    /** Whether the backend takes its connections from a datasource rather than a connection key of its own. */
    static boolean usesDataSource(BackendDefinition backend, ServerTypes.ServerType server) {
        return backend.getDataSource() != null
                && (backend.isDataSourceExplicit()
                        || !ConfigUtils.isPropertyNonEmpty(backend.property(server.connectionKey())));
    }

    /**
     * Whether HeavenBase serves this datasource: it has no URL, its kind fits the backend type, Quarkus' Dev
     * Services cannot start a container for it, and the embedded server can start.
     */
    static boolean needsServer(BackendDefinition backend, ServerTypes.ServerType server, boolean containerRuntime,
            List<JdbcDataSourceBuildItem> dataSources) {
        String name = backend.getDataSource();
        Optional<String> kind = dataSources.stream()
                .filter(ds -> DEFAULT.equals(name) ? ds.isDefault() : ds.getName().equals(name))
                .map(JdbcDataSourceBuildItem::getDbKind).findFirst();
        return kind.isPresent() && server.dataSourceKinds().contains(kind.get())
                && unservedByQuarkus(name, server, containerRuntime);
    }

    /**
     * Whether the datasource has no URL, Quarkus' Dev Services cannot start a container for it (no container
     * runtime, or switched off for it) and were not explicitly asked to, and the embedded server can start.
     */
    static boolean unservedByQuarkus(String dataSource, ServerTypes.ServerType server, boolean containerRuntime) {
        if (ConfigUtils.isPropertyNonEmpty(prefix(dataSource) + "jdbc.url") || !server.hasEmbedded()) {
            return false;
        }
        Optional<Boolean> quarkusDevServices = ConfigProvider.getConfig()
                .getOptionalValue(prefix(dataSource) + "devservices.enabled", Boolean.class);
        if (quarkusDevServices.orElse(false)) {
            return false;
        }
        boolean quarkusCanStart = containerRuntime && quarkusDevServices.orElse(true)
                && ConfigProvider.getConfig().getOptionalValue("quarkus.devservices.enabled", Boolean.class)
                        .orElse(true);
        return !quarkusCanStart;
    }

    /**
     * Tells Quarkus' datasource Dev Services that HeavenBase serves these datasources of this kind, so that they
     * neither start a container nor, in test mode, fail for the missing container runtime.
     */
    static DevServicesDatasourceConfigurationHandlerBuildItem claim(String dbKind, Set<String> dataSources) {
        return new DevServicesDatasourceConfigurationHandlerBuildItem(dbKind, (name, started) -> Map.of(),
                name -> Map.of(), name -> dataSources.contains(name == null || DataSourceUtil.isDefault(name)
                        ? DEFAULT
                        : name));
    }

    /** The embedded server for a datasource, handing its connection over as the datasource's configuration. */
    static DevServicesResultBuildItem serve(String dataSource, ServerTypes.ServerType server, List<String> backends) {
        String prefix = prefix(dataSource);
        Map<String, Function<EmbeddedServer, String>> provided = new LinkedHashMap<>();
        provided.put(prefix + "jdbc.url", started -> started.connection().get("url"));
        provided.put(prefix + "username", started -> started.connection().get("username"));
        return DevServicesResultBuildItem.<EmbeddedServer> owned()
                .feature(DevServicesProcessor.FEATURE)
                .serviceName(DevServicesProcessor.FEATURE + "-datasource-" + dataSource)
                .serviceConfig(new ServiceKey(dataSource, server.description()))
                .description(server.description() + " for datasource '" + dataSource + "' (HeavenBase backends "
                        + backends + ")")
                .startable(server.embedded())
                .postStartHook(started -> LOG.infof("HeavenBase Dev Services started %s for datasource '%s' "
                        + "(backends %s) at %s, as no container runtime can serve it", server.description(),
                        dataSource, backends, started.getConnectionInfo()))
                .configProvider(provided)
                .build();
    }

    private static String prefix(String dataSource) {
        return DEFAULT.equals(dataSource) ? "quarkus.datasource." : "quarkus.datasource.\"" + dataSource + "\".";
    }

    private static boolean enabled(String property) {
        return ConfigProvider.getConfig().getOptionalValue(property, Boolean.class).orElse(true);
    }

    /** Equal keys across dev-mode restarts keep the running server. */
    private record ServiceKey(String dataSource, String server) {
    }
}
