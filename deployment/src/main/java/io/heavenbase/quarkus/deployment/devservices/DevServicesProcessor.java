package io.heavenbase.quarkus.deployment.devservices;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.heavenbase.quarkus.deployment.ConfiguredBackendsBuildItem;
import io.heavenbase.quarkus.deployment.HeavenBaseBuildTimeConfig;
import io.heavenbase.quarkus.deployment.HeavenBaseBuildTimeConfig.DevServicesBuildTimeConfig;
import io.heavenbase.quarkus.deployment.HeavenBaseBuildTimeConfig.DevServicesMode;
import io.heavenbase.quarkus.runtime.BackendDefinition;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConnectionFacts;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.datasource.deployment.spi.DevServicesDatasourceConfigurationHandlerBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.DockerStatusBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * In dev and test mode, starts a server for every server backend that has no connection configured, and hands
 * its connection to the application as {@code heavenbase.backends."name".*} configuration: a container when a
 * container runtime is available and the type has one ({@link ContainerDefinitions}), otherwise an embedded server
 * where the type has one ({@link ServerTypes}), as {@code heavenbase.devservices.mode} allows. For the rest it logs
 * one warning naming the properties to set. A Quarkus datasource a backend uses, with no URL and no container
 * runtime for Quarkus' own Dev Services, is served the same way ({@link DataSourceServices}).
 */
@BuildSteps(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
class DevServicesProcessor {

    static final String FEATURE = "heavenbase";

    private static final Logger LOG = Logger.getLogger(DevServicesProcessor.class);

    @BuildStep
    void startMissingServers(HeavenBaseBuildTimeConfig config, ConfiguredBackendsBuildItem backends,
            Capabilities capabilities, DockerStatusBuildItem dockerStatus, LaunchModeBuildItem launchMode,
            List<JdbcDataSourceBuildItem> dataSources, BuildProducer<DevServicesResultBuildItem> services) {
        DevServicesBuildTimeConfig devServices = config.devservices();
        if (!devServices.enabled()) {
            return;
        }
        DevServicesMode mode = devServices.mode();
        Map<String, String> images = ContainerImages.resolve(devServices.images());
        List<String> unserved = new ArrayList<>();
        Map<String, List<String>> servedDataSources = new LinkedHashMap<>();
        Map<String, ServerTypes.ServerType> dataSourceServers = new LinkedHashMap<>();
        for (BackendDefinition backend : backends.definitions()) {
            ServerTypes.ServerType server = ServerTypes.of(backends.provider(backend.getName()));
            if (server != null && mode != DevServicesMode.CONTAINER && DataSourceServices.usesDataSource(backend, server)
                    && DataSourceServices.needsServer(backend, server, dockerStatus.isContainerRuntimeAvailable(),
                            dataSources)) {
                servedDataSources.computeIfAbsent(backend.getDataSource(), ds -> new ArrayList<>()).add(backend.getName());
                dataSourceServers.putIfAbsent(backend.getDataSource(), server);
                continue;
            }
            if (server == null || hasConnection(backend, backends.provider(backend.getName()), server, capabilities)) {
                continue;
            }
            ContainerDefinition container = ContainerDefinitions.of(backends.provider(backend.getName()));
            boolean containerPossible = mode != DevServicesMode.EMBEDDED && container != null;
            if (containerPossible && dockerStatus.isContainerRuntimeAvailable()) {
                LaunchMode launch = launchMode.getLaunchMode();
                services.produce(ContainerServices.shared(backend, container, launch, devServices.shared())
                        .orElseGet(() -> ContainerServices.owned(backend, container, images.get(backend.getType()),
                                launch, devServices.shared())));
            } else if (mode != DevServicesMode.CONTAINER && server.hasEmbedded()) {
                services.produce(embedded(backend, server));
            } else {
                unserved.add(backend.property(server.connectionKey()) + " (backend '" + backend.getName() + "', "
                        + backend.getType() + reasons(mode, container != null, server) + ")");
            }
        }
        servedDataSources.forEach((dataSource, users) -> services
                .produce(DataSourceServices.serve(dataSource, dataSourceServers.get(dataSource), users)));
        if (!unserved.isEmpty()) {
            LOG.warnf("HeavenBase Dev Services cannot start a server for %s: %s. Set %s, or set "
                    + "heavenbase.devservices.enabled=false to silence this warning.%s",
                    unserved.size() == 1 ? "this backend" : "these backends", String.join(", ", unserved),
                    unserved.size() == 1 ? "that property" : "those properties",
                    mode == DevServicesMode.CONTAINER
                            ? " Only containers are used (heavenbase.devservices.mode=container)."
                            : "");
        }
    }

    /**
     * Claims the datasources {@link #startMissingServers} serves from Quarkus' own datasource Dev Services, which
     * would otherwise fail a test-mode build for the missing container runtime.
     */
    @BuildStep
    void claimServedDataSources(HeavenBaseBuildTimeConfig config, ConfiguredBackendsBuildItem backends,
            DockerStatusBuildItem dockerStatus,
            BuildProducer<DevServicesDatasourceConfigurationHandlerBuildItem> claims) {
        if (!config.devservices().enabled() || config.devservices().mode() == DevServicesMode.CONTAINER) {
            return;
        }
        Map<String, Set<String>> byKind = new LinkedHashMap<>();
        for (BackendDefinition backend : backends.definitions()) {
            ServerTypes.ServerType server = ServerTypes.of(backends.provider(backend.getName()));
            if (server != null && DataSourceServices.usesDataSource(backend, server) && DataSourceServices
                    .unservedByQuarkus(backend.getDataSource(), server, dockerStatus.isContainerRuntimeAvailable())) {
                for (String kind : server.dataSourceKinds()) {
                    byKind.computeIfAbsent(kind, k -> new HashSet<>()).add(backend.getDataSource());
                }
            }
        }
        byKind.forEach((kind, dataSources) -> claims.produce(DataSourceServices.claim(kind, dataSources)));
    }

    /** Why a backend got no server, for the warning: what is missing for a container and for an embedded one. */
    private static String reasons(DevServicesMode mode, boolean hasContainer, ServerTypes.ServerType server) {
        List<String> reasons = new ArrayList<>();
        if (mode != DevServicesMode.EMBEDDED) {
            reasons.add(hasContainer ? "no container runtime (Docker or Podman) is available"
                    : "no Dev Services container for this type");
        }
        if (mode != DevServicesMode.CONTAINER && !server.missingEmbedded().isEmpty()) {
            reasons.add(server.missingEmbedded());
        }
        // Otherwise a warning in embedded mode would give no reason at all (e.g. pgvector: zonky has no pgvector).
        if (mode == DevServicesMode.EMBEDDED && server.embedded() == null) {
            reasons.add("no embedded server for this type");
        }
        return reasons.isEmpty() ? "" : "; " + String.join("; ", reasons);
    }

    /** The application already reaches a server: a connection key, an Agroal datasource, or a client bean. */
    private static boolean hasConnection(BackendDefinition backend, BackendProvider provider,
            ServerTypes.ServerType server, Capabilities capabilities) {
        if (backend.getDataSource() != null || ConfigUtils.isPropertyNonEmpty(backend.property(server.connectionKey()))) {
            return true;
        }
        ConnectionFacts.ClientBean client = provider.connection().clientBean();
        return client != null && capabilities.isPresent(client.capability());
    }

    private static DevServicesResultBuildItem embedded(BackendDefinition backend, ServerTypes.ServerType server) {
        Map<String, Function<EmbeddedServer, String>> provided = new LinkedHashMap<>();
        for (String key : server.providedKeys()) {
            provided.put(backend.property(key), started -> started.connection().get(key));
        }
        return DevServicesResultBuildItem.<EmbeddedServer> owned()
                .feature(FEATURE)
                .serviceName(FEATURE + "-" + backend.getName())
                .serviceConfig(new ServiceKey(backend.getName(), backend.getType()))
                .description(server.description() + " for HeavenBase backend '" + backend.getName() + "'")
                .startable(server.embedded())
                .postStartHook(started -> LOG.infof("HeavenBase Dev Services started %s for backend '%s' at %s",
                        server.description(), backend.getName(), started.getConnectionInfo()))
                .configProvider(provided)
                .build();
    }

    /** Equal keys across dev-mode restarts keep the running server. */
    private record ServiceKey(String backend, String type) {
    }
}
