package io.heavenbase.bench.startup;

import io.heavenbase.Workspace;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Uses the workspace during startup, as an application would, so its creation (and the entity
 * registration) counts in the measured startup time instead of being removed as an unused bean.
 */
@ApplicationScoped
public class WorkspaceAtStartup {

    private static final Logger LOG = Logger.getLogger(WorkspaceAtStartup.class);

    void onStart(@Observes StartupEvent event, Workspace workspace) {
        LOG.infof("workspace %s holds %d articles", workspace.id(), workspace.count(Article.class));
    }
}
