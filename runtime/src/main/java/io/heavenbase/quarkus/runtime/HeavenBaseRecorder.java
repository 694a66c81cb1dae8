package io.heavenbase.quarkus.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;

import io.heavenbase.ConfigurationException;
import io.heavenbase.RegisterOption;
import io.heavenbase.Workspace;
import io.heavenbase.engine.ProviderRegistry;
import io.heavenbase.engine.WorkspaceFactory;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConnectionFacts;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.smallrye.common.annotation.Identifier;

/**
 * Creates the backend beans and the workspace bean at run time, from the backend definitions the build
 * recorded and the run-time configuration.
 */
@Recorder
public class HeavenBaseRecorder {

    static final String NO_BACKENDS = "no HeavenBase backends are configured: set heavenbase.preset (for example "
            + "debug) or heavenbase.backends.\"name\".type";

    private final RuntimeValue<HeavenBaseRuntimeConfig> config;

    public HeavenBaseRecorder(RuntimeValue<HeavenBaseRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * Runs the warm-up of these backend types' providers ({@link io.heavenbase.spi.BackendProvider#warmUp()}) on a
     * daemon thread and returns at once, so that their backends open faster later in startup.
     */
    public void warmUp(List<String> types) {
        Thread thread = new Thread(() -> types.forEach(type -> ProviderRegistry.provider(type).ifPresent(
                BackendProvider::warmUp)), "heavenbase-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether a backend bean may be created: it is switched on and its datasource, if any, is active. */
    public Supplier<ActiveResult> backendActive(BackendDefinition backend) {
        return () -> {
            BackendRuntimeConfig runtime = config.getValue().backends().get(backend.getName());
            if (!runtime.active()) {
                return ActiveResult.inactive("backend '" + backend.getName() + "' is switched off ("
                        + backend.property("active") + "=false)");
            }
            Optional<String> dataSource = dataSourceOf(backend, runtime);
            return dataSource.isPresent() ? AgroalDataSources.check(backend, dataSource.get()) : ActiveResult.active();
        };
    }

    /** Opens one backend from its merged configuration, handing over a datasource or client bean if it uses one. */
    public Function<SyntheticCreationalContext<Backend>, Backend> backendCreator(String preset,
            List<BackendDefinition> all, BackendDefinition backend) {
        return context -> {
            BackendSettings settings = new BackendSettings(preset, all, config.getValue());
            String name = backend.getName();
            Map<String, Object> values = settings.of(name);
            Optional<String> dataSource = dataSourceOf(backend, config.getValue().backends().get(name));
            if (dataSource.isPresent()) {
                if (settings.isConfigured(name, "url")) {
                    throw new ConfigurationException(backend.property("datasource"), "backend '" + name
                            + "' sets both " + backend.property("url") + " and " + backend.property("datasource")
                            + ": set only one");
                }
                values.remove("url");
                DataSourceTargets.register(name, dataSource.get());
                values.put(BackendConfig.DATA_SOURCE_OBJECT, AgroalDataSources.require(backend, dataSource.get()));
            } else {
                ConnectionFacts.ClientBean client = clientBeanOf(backend.getType());
                clientBean(backend, client, settings).ifPresent(bean -> {
                    values.remove(client.connectionKey());
                    values.put(BackendConfig.CLIENT_OBJECT, bean);
                });
            }
            return WorkspaceFactory.openBackend(name, values);
        };
    }

    /** The workspace is active when at least one backend is configured and active. */
    public Supplier<ActiveResult> workspaceActive(List<String> backendNames) {
        return () -> {
            if (backendNames.isEmpty()) {
                return ActiveResult.inactive(NO_BACKENDS);
            }
            ActiveResult last = null;
            for (String name : backendNames) {
                ActiveResult active = backendBean(name).getHandle().getBean().checkActive();
                if (active.value()) {
                    return active;
                }
                last = active;
            }
            return ActiveResult.inactive("every HeavenBase backend is inactive", last);
        };
    }

    /**
     * The workspace over the active backend beans with the entity classes the build discovered; see
     * {@link WorkspaceOpener} and {@link ReconnectingWorkspace} for what happens when a backend cannot be reached.
     *
     * @param backendTypes backend name to type, in configured order
     */
    public Function<SyntheticCreationalContext<Workspace>, Workspace> workspaceCreator(
            Map<String, String> backendTypes, List<String> entityClassNames) {
        return context -> {
            String id = workspaceId();
            RegisterOption[] options = config.getValue().schema().onDrift() == HeavenBaseRuntimeConfig.OnDrift.MIGRATE
                    ? new RegisterOption[] { RegisterOption.MIGRATE }
                    : new RegisterOption[0];
            boolean failFast = config.getValue().failFast();
            WorkspaceOpener opener = new WorkspaceOpener(id, backendTypes, entityClassNames, options, failFast);
            return ReconnectingWorkspace.open(id, opener::open, failFast);
        };
    }

    private String workspaceId() {
        return config.getValue().workspace()
                .or(() -> ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class))
                .orElse("heavenbase");
    }

    /**
     * The datasource a SQL server backend uses: the one it names, or else the default datasource when no
     * {@code url} is configured.
     */
    private static Optional<String> dataSourceOf(BackendDefinition backend, BackendRuntimeConfig runtime) {
        if (backend.getDataSource() == null || (!backend.isDataSourceExplicit() && runtime.url().isPresent())) {
            return Optional.empty();
        }
        return Optional.of(backend.getDataSource());
    }

    /** The client bean of another extension this backend type takes when its connection key is not set. */
    private static Optional<Object> clientBean(BackendDefinition backend, ConnectionFacts.ClientBean client,
            BackendSettings settings) {
        if (client == null || settings.isConfigured(backend.getName(), client.connectionKey())) {
            return Optional.empty();
        }
        Class<?> type;
        try {
            type = Class.forName(client.className(), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException absent) {
            return Optional.empty();
        }
        InjectableInstance<?> instance = Arc.container().select(type);
        if (!instance.isResolvable() || !instance.getHandle().getBean().isActive()) {
            return Optional.empty();
        }
        return Optional.of(instance.get());
    }

    /** The client bean the provider of {@code type} says it can take, or null. */
    private static ConnectionFacts.ClientBean clientBeanOf(String type) {
        return ProviderRegistry.provider(type).map(provider -> provider.connection().clientBean()).orElse(null);
    }

    private static InjectableInstance<Backend> backendBean(String name) {
        return Arc.container().select(Backend.class, Identifier.Literal.of(name));
    }
}
