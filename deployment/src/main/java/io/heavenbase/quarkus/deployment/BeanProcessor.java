package io.heavenbase.quarkus.deployment;

import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.runtime.BackendDefinition;
import io.heavenbase.quarkus.runtime.BackendKinds;
import io.heavenbase.quarkus.runtime.HeavenBaseRecorder;
import io.heavenbase.spi.Backend;
import io.quarkus.arc.BeanDestroyer;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
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
     * An embedded SQLite backend loads its driver's native library and date formats when it opens, on the startup
     * thread; starting that work on another thread as soon as runtime init begins overlaps it with the rest of
     * startup.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void warmUpEmbeddedBackends(HeavenBaseRecorder recorder, ConfiguredBackendsBuildItem backends) {
        if (backends.definitions().stream().anyMatch(backend -> "sqlite".equals(backend.getType()))) {
            recorder.warmUpSqlite();
        }
    }

    /** Client beans of other extensions (such as the Elasticsearch RestClient) are looked up, not injected. */
    @BuildStep
    void keepClientBeans(ConfiguredBackendsBuildItem backends, BuildProducer<UnremovableBeanBuildItem> unremovable) {
        for (BackendDefinition backend : backends.definitions()) {
            BackendKinds.ClientBean client = BackendKinds.CLIENT_BEANS.get(backend.getType());
            if (client != null) {
                unremovable.produce(UnremovableBeanBuildItem.beanTypes(DotName.createSimple(client.className())));
            }
        }
    }
}
