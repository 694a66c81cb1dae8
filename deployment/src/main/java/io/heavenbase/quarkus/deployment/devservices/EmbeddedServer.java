package io.heavenbase.quarkus.deployment.devservices;

import java.util.Map;

import io.quarkus.deployment.builditem.Startable;

/** A server HeavenBase Dev Services run on this machine without a container runtime. */
interface EmbeddedServer extends Startable {

    /**
     * The backend keys that reach the started server, e.g. {@code url} and {@code username}; read only after
     * {@link #start()}.
     */
    Map<String, String> connection();

    @Override
    default String getContainerId() {
        return null;
    }
}
