package io.heavenbase.quarkus.deployment.devservices;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.heavenbase.quarkus.deployment.devservices.ContainerDefinition.DevServiceContainer;
import io.heavenbase.quarkus.runtime.BackendDefinition;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.devservices.common.ConfigureUtil;
import io.quarkus.devservices.common.ContainerAddress;
import io.quarkus.devservices.common.ContainerLocator;
import io.quarkus.devservices.common.Labels;
import io.quarkus.devservices.common.StartableContainer;
import io.quarkus.runtime.LaunchMode;

/**
 * The Dev Service of one backend as a container: a shared container another application already runs (dev mode),
 * or a new one Quarkus starts after the build.
 */
final class ContainerServices {

    private static final Logger LOG = Logger.getLogger(ContainerServices.class);

    private ContainerServices() {
    }

    /**
     * The value of the {@code io.quarkus.devservice} label, one per backend name and type, so that a container is
     * only reused for a backend of the same type.
     */
    static String sharedServiceName(BackendDefinition backend) {
        return DevServicesProcessor.FEATURE + "-" + backend.getName() + "-" + backend.getType();
    }

    /** The backend's keys, e.g. {@code heavenbase.backends."main".url}, for the server at a host and port. */
    static Map<String, String> backendConfig(BackendDefinition backend, ContainerDefinition definition, String host,
            int port) {
        Map<String, String> config = new LinkedHashMap<>();
        definition.connection(host, port).forEach((key, value) -> config.put(backend.property(key), value));
        return config;
    }

    /**
     * A container with this label that another application started, in dev mode with sharing on; asks the
     * container runtime, so call it only when one is available.
     */
    static Optional<DevServicesResultBuildItem> shared(BackendDefinition backend, ContainerDefinition definition,
            LaunchMode launchMode, boolean shared) {
        Optional<ContainerAddress> found = ContainerLocator
                .locateContainerWithLabels(definition.connectionPort(), Labels.QUARKUS_DEV_SERVICE)
                .locateContainer(sharedServiceName(backend), shared, launchMode);
        return found.map(address -> {
            LOG.infof("HeavenBase Dev Services reuse container %s for backend '%s' at %s:%d", address.getId(),
                    backend.getName(), address.getHost(), address.getPort());
            return DevServicesResultBuildItem.discovered()
                    .feature(DevServicesProcessor.FEATURE)
                    .name(DevServicesProcessor.FEATURE + "-" + backend.getName())
                    .containerId(address.getId())
                    .description("shared container for HeavenBase backend '" + backend.getName() + "'")
                    .config(backendConfig(backend, definition, address.getHost(), address.getPort()))
                    .build();
        });
    }

    /** A container Quarkus starts after the build and stops with the application. */
    static DevServicesResultBuildItem owned(BackendDefinition backend, ContainerDefinition definition, String image,
            LaunchMode launchMode, boolean shared) {
        int port = definition.connectionPort();
        Map<String, Function<StartableContainer<DevServiceContainer>, String>> provided = new LinkedHashMap<>();
        for (String key : definition.providedKeys()) {
            provided.put(backend.property(key), started -> definition
                    .connection(started.getContainer().getHost(), started.getContainer().getMappedPort(port)).get(key));
        }
        return DevServicesResultBuildItem.<StartableContainer<DevServiceContainer>> owned()
                .feature(DevServicesProcessor.FEATURE)
                .serviceName(DevServicesProcessor.FEATURE + "-" + backend.getName())
                .serviceConfig(new ContainerKey(backend.getName(), backend.getType(), image))
                .description(image + " container for HeavenBase backend '" + backend.getName() + "'")
                .startable(() -> new StartableContainer<>(labelled(definition.create(image), backend, launchMode, shared),
                        started -> started.getHost() + ":" + started.getMappedPort(port)))
                .postStartHook(started -> LOG.infof("HeavenBase Dev Services started %s for backend '%s' at %s",
                        image, backend.getName(), started.getConnectionInfo()))
                .configProvider(provided)
                .build();
    }

    /**
     * Adds the labels Quarkus puts on its Dev Services containers: launch mode and process, and in dev mode with
     * sharing on the {@code io.quarkus.devservice} label other applications find it by.
     */
    static DevServiceContainer labelled(DevServiceContainer container, BackendDefinition backend,
            LaunchMode launchMode, boolean shared) {
        ConfigureUtil.configureLabels(container, launchMode);
        return shared
                ? ConfigureUtil.configureSharedServiceLabel(container, launchMode, Labels.QUARKUS_DEV_SERVICE,
                        sharedServiceName(backend))
                : container;
    }

    /** Equal keys across dev-mode restarts keep the running container. */
    private record ContainerKey(String backend, String type, String image) {
    }
}
