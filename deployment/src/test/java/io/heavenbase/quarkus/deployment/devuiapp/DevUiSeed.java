package io.heavenbase.quarkus.deployment.devuiapp;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;

import io.heavenbase.Workspace;
import io.heavenbase.engine.EngineWorkspace;
import io.heavenbase.routing.StoragePlan;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.StartupEvent;

/**
 * Data for the Dev UI browser test: three notes, and one drift for audit to find and repair to fix (the vector part
 * of note {@code n3} is removed behind the workspace's back, so the row has no part on {@code vec}).
 */
public class DevUiSeed {

    /**
     * The browser test's application.properties: {@link DevUiNote#CONFIG} plus a backend {@code spare} that is switched
     * off, with a password and a URL holding credentials, to show an inactive backend's error and masked secrets.
     */
    public static final String CONFIG = DevUiNote.CONFIG + """
            heavenbase.backends.spare.type=inmem
            heavenbase.backends.spare.active=false
            heavenbase.backends.spare.url=http://scott:tiger-in-url@127.0.0.1:9/spare
            heavenbase.backends.spare.password=tiger-password
            """;

    /** The object id whose {@code vec} part is missing after startup. */
    public static final String DRIFTED = "n3";

    void onStart(@Observes StartupEvent event, Workspace workspace) {
        workspace.upsertMany(DevUiNote.class, List.of(
                Map.of("object_id", "n1", "title", "First note", "embedding", List.of(1f, 0f, 0f)),
                Map.of("object_id", "n2", "title", "Second note", "embedding", List.of(0f, 1f, 0f)),
                Map.of("object_id", DRIFTED, "title", "Third note", "embedding", List.of(0f, 0f, 1f))));
        EngineWorkspace engine = (EngineWorkspace) ClientProxy.unwrap(workspace);
        StoragePlan plan = engine.plan("note").orElseThrow();
        workspace.backends().get("vec").delete(plan.part("vec"), List.of(DRIFTED));
    }
}
