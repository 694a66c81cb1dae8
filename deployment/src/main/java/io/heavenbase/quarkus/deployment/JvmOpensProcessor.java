package io.heavenbase.quarkus.deployment;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ModuleOpenBuildItem;

/**
 * JVM flags the configured backends need, declared here so users never pass them: Quarkus applies them in dev and
 * test mode and writes them into the packaged application's manifest ({@code Add-Opens}).
 */
class JvmOpensProcessor {

    private static final String ARROW_MEMORY_MODULE = "org.apache.arrow.memory.core";

    /**
     * Lance's Arrow reads the address of direct {@code java.nio} buffers reflectively. Quarkus asks for the module
     * that is granted access by name (Arrow's, which it declares from version 16 on) and falls back to the unnamed
     * module when no such module is loaded, as with lance-core's Arrow 15.
     */
    @BuildStep
    void lanceOpensJavaNio(ConfiguredBackendsBuildItem backends, BuildProducer<ModuleOpenBuildItem> opens) {
        boolean lance = backends.definitions().stream().anyMatch(definition -> "lance".equals(definition.getType()));
        if (lance) {
            opens.produce(new ModuleOpenBuildItem("java.base", ARROW_MEMORY_MODULE, "java.nio"));
        }
    }
}
