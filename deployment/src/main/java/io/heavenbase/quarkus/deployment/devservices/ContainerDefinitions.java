package io.heavenbase.quarkus.deployment.devservices;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;

import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.DevServiceDescription;

/**
 * The container each server backend type gets from HeavenBase Dev Services when a container runtime is available:
 * what its provider describes ({@link BackendProvider#devServices()}), made into a Testcontainers definition. Types
 * whose provider describes no container have none.
 */
final class ContainerDefinitions {

    private ContainerDefinitions() {
    }

    /** The container of a backend type, or null when the type has none or no provider of it is on the class path. */
    static ContainerDefinition of(String backendType) {
        BackendProvider provider = BuildProviders.byType().get(backendType);
        return provider == null ? null : of(provider);
    }

    /** The container the provider describes, or null when it describes none. */
    static ContainerDefinition of(BackendProvider provider) {
        DevServiceDescription.Container container = provider.devServices().container();
        if (container == null) {
            return null;
        }
        return new ContainerDefinition(container.image(), container.ports(), container.env(), container.command(),
                container.files(), () -> readiness(container.readiness()), container::connection);
    }

    /** The backend types that have a container. */
    static Set<String> types() {
        Map<String, BackendProvider> withContainer = new LinkedHashMap<>();
        BuildProviders.byType().forEach((type, provider) -> {
            if (provider.devServices().container() != null) {
                withContainer.put(type, provider);
            }
        });
        return withContainer.keySet();
    }

    private static WaitStrategy readiness(DevServiceDescription.Readiness readiness) {
        if (readiness.logPattern() != null) {
            return Wait.forLogMessage(readiness.logPattern(), readiness.times());
        }
        return Wait.forHttp(readiness.httpPath()).forPort(readiness.httpPort()).forStatusCode(readiness.httpStatus());
    }

    /** The providers the build's class loader sees, looked up afresh: one JVM builds many applications. */
    static final class BuildProviders {

        private BuildProviders() {
        }

        static Map<String, BackendProvider> byType() {
            Map<String, BackendProvider> byType = new LinkedHashMap<>();
            for (BackendProvider provider : ServiceLoader.load(BackendProvider.class,
                    Thread.currentThread().getContextClassLoader())) {
                byType.putIfAbsent(provider.type(), provider);
            }
            return byType;
        }
    }
}
