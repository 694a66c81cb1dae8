package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.RecordingProvider;
import io.heavenbase.quarkus.deployment.support.Recordings;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendProvider;
import io.quarkus.arc.InactiveBeanException;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/** A backend switched off at run time is never opened, left out of the workspace, and says why when injected. */
class InactiveBackendTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addPackage(RecordingProvider.class.getPackage())
                    .addAsServiceProvider(BackendProvider.class, RecordingProvider.class))
            .overrideConfigKey("heavenbase.backends.main.type", "recording")
            .overrideConfigKey("heavenbase.backends.spare.type", "recording")
            .overrideRuntimeConfigKey("heavenbase.backends.spare.active", "false");

    @Inject
    @Identifier("spare")
    Instance<Backend> spare;

    @Inject
    Workspace workspace;

    @Test
    void injectingItFailsWithTheReason() {
        assertThatThrownBy(spare::get)
                .isInstanceOf(InactiveBeanException.class)
                .hasMessageContaining("heavenbase.backends.spare.active=false");
    }

    @Test
    void workspaceUsesTheActiveBackendsOnly() {
        assertThat(workspace.backends().names()).containsExactly("main");
    }

    @Test
    void itIsNeverOpened() {
        assertThat(workspace.id()).isNotEmpty();

        assertThat(Recordings.opened("spare")).isEmpty();
        assertThat(Recordings.opened("main")).hasSize(1);
    }
}
