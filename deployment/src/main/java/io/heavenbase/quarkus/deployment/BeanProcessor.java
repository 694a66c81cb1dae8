package io.heavenbase.quarkus.deployment;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.runtime.BackendDefinition;
import io.heavenbase.quarkus.runtime.BackendRuntimeConfig;
import io.heavenbase.quarkus.runtime.HeavenBaseRecorder;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConnectionFacts;
import io.quarkus.arc.BeanDestroyer;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.smallrye.common.annotation.Identifier;

/**
 * Declares one bean per configured backend (types {@link Backend} and the provider's backend class, qualifier
 * {@code @Identifier(name)}, created on first use, closed at shutdown, inactive when switched off) and the
 * application-scoped {@link Workspace} over them, created at startup with the discovered entities registered.
 */
class BeanProcessor {

    private static final DotName IDENTIFIER = DotName.createSimple(Identifier.class);

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void backendBeans(HeavenBaseRecorder recorder, ConfiguredBackendsBuildItem backends,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        for (BackendDefinition backend : backends.definitions()) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator bean = SyntheticBeanBuildItem.configure(Backend.class)
                    .types(Backend.class)
                    .qualifiers(AnnotationInstance.builder(IDENTIFIER).value(backend.getName()).build())
                    .scope(Singleton.class)
                    .setRuntimeInit()
                    .unremovable()
                    .checkActive(recorder.backendActive(backend))
                    .createWith(recorder.backendCreator(backends.preset(), backends.definitions(), backend))
                    .destroyer(BeanDestroyer.AutoCloseableDestroyer.class);
            Class<? extends Backend> backendClass = backends.provider(backend.getName()).backendClass();
            if (backendClass != Backend.class && Modifier.isPublic(backendClass.getModifiers())) {
                bean.addType(backendClass);
            }
            beans.produce(bean.done());
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem workspaceBean(HeavenBaseRecorder recorder, ConfiguredBackendsBuildItem backends,
            HeavenEntitiesBuildItem entities) {
        List<String> names = backends.names();
        return SyntheticBeanBuildItem.configure(Workspace.class)
                .types(Workspace.class)
                .scope(ApplicationScoped.class)
                .setRuntimeInit()
                .unremovable()
                .startup()
                .checkActive(recorder.workspaceActive(names))
                .createWith(recorder.workspaceCreator(backendTypes(backends), entities.classNames()))
                .destroyer(BeanDestroyer.AutoCloseableDestroyer.class)
                .done();
    }

    /** Backend name to type, in configured order. */
    private static Map<String, String> backendTypes(ConfiguredBackendsBuildItem backends) {
        Map<String, String> types = new LinkedHashMap<>();
        for (BackendDefinition backend : backends.definitions()) {
            types.put(backend.getName(), backend.getType());
        }
        return types;
    }

    /**
     * Some backends load a driver's native library or data when they open, on the startup thread (SQLite); their
     * providers' warm-up ({@link io.heavenbase.spi.BackendProvider#warmUp()}) starts that work on another thread as
     * soon as runtime init begins, overlapping it with the rest of startup.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void warmUpBackends(HeavenBaseRecorder recorder, ConfiguredBackendsBuildItem backends) {
        List<String> types = backends.definitions().stream()
                .filter(backend -> hasWarmUp(backends.provider(backend.getName())))
                .map(BackendDefinition::getType).distinct().toList();
        if (!types.isEmpty()) {
            recorder.warmUp(new ArrayList<>(types));
        }
    }

    /** Whether the provider has a warm-up of its own: no thread is started for the default, which does nothing. */
    private static boolean hasWarmUp(BackendProvider provider) {
        try {
            return provider.getClass().getMethod("warmUp").getDeclaringClass() != BackendProvider.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("BackendProvider.warmUp() is missing from " + provider.getClass(), e);
        }
    }

    /** {@link io.heavenbase.quarkus.runtime.BackendKeys} reads the typed backend properties reflectively. */
    @BuildStep
    ReflectiveClassBuildItem backendKeysReadReflectively() {
        return ReflectiveClassBuildItem.builder(BackendRuntimeConfig.class).methods().build();
    }

    /** Client beans of other extensions (such as the Elasticsearch RestClient) are looked up, not injected. */
    @BuildStep
    void keepClientBeans(ConfiguredBackendsBuildItem backends, BuildProducer<UnremovableBeanBuildItem> unremovable) {
        for (BackendDefinition backend : backends.definitions()) {
            ConnectionFacts.ClientBean client = backends.provider(backend.getName()).connection().clientBean();
            if (client != null) {
                unremovable.produce(UnremovableBeanBuildItem.beanTypes(DotName.createSimple(client.className())));
            }
        }
    }
}
