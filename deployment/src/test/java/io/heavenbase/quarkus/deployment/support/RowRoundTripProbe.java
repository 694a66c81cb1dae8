package io.heavenbase.quarkus.deployment.support;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.heavenbase.BackendHealth;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.runtime.StartupEvent;

/**
 * Part of a dev-mode test application: at startup, writes a row through the workspace, reads it back and logs
 * {@value #STORED} with the state of the {@code main} backend.
 */
@Singleton
public class RowRoundTripProbe {

    /** The start of the log message on success. */
    public static final String STORED = "application stored and read back a row: ";

    private static final Logger LOG = Logger.getLogger(RowRoundTripProbe.class);

    void onStart(@Observes StartupEvent event, Workspace workspace) {
        EntitySchema probe = workspace.register(EntitySchema.builder("dev-probe").field("label", "ShortText").build());
        workspace.upsert(probe, Map.of("object_id", "p1", "label", "hello"));
        Object label = workspace.get(probe, "p1").orElseThrow().get("label");
        BackendHealth main = workspace.health().get(0);
        LOG.info(STORED + label + " on " + main.name() + " (" + main.type() + ", " + main.message() + ")");
    }
}
