package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.heavenbase.quarkus.deployment.support.RecordingBackend;
import io.heavenbase.quarkus.deployment.support.RecordingProvider;
import io.heavenbase.quarkus.deployment.support.Recordings;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendProvider;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/**
 * Several named backends, like the seed's explicit map: each is one bean under its name, also injectable by its
 * class, opened exactly once however often it is injected, and only configured names exist.
 */
class SeveralNamedBackendsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addPackage(RecordingProvider.class.getPackage())
                    .addAsServiceProvider(BackendProvider.class, RecordingProvider.class))
            .overrideConfigKey("heavenbase.backends.main.type", "sqlite")
            .overrideConfigKey("heavenbase.backends.scratch.type", "inmem")
            .overrideConfigKey("heavenbase.backends.audit.type", "recording")
            .overrideRuntimeConfigKey("heavenbase.backends.main.database", ":memory:")
            .overrideRuntimeConfigKey("heavenbase.backends.audit.url", "http://audit.example:9000")
            .overrideRuntimeConfigKey("heavenbase.backends.audit.prefix", "hb_");

    @Inject
    @Identifier("main")
    Backend main;

    @Inject
    @Identifier("scratch")
    Backend scratch;

    @Inject
    @Identifier("audit")
    Backend audit;

    @Inject
    @Identifier("audit")
    RecordingBackend auditByClass;

    @Inject
    @Any
    Instance<Backend> all;

    @Inject
    Workspace workspace;

    @Test
    void eachNameIsABeanOfItsType() {
        assertThat(main.type()).isEqualTo("sqlite");
        assertThat(scratch.type()).isEqualTo("inmem");
        assertThat(audit.type()).isEqualTo("recording");
    }

    @Test
    void backendClassIsABeanTypeToo() {
        assertThat(auditByClass).isSameAs(audit);
    }

    @Test
    void backendReceivesOnlyTheKeysThatAreSet() {
        assertThat(Recordings.opened("audit")).singleElement().satisfies(config -> assertThat(config)
                .containsOnlyKeys("type", "url", "prefix")
                .containsEntry("url", "http://audit.example:9000")
                .containsEntry("prefix", "hb_"));
    }

    @Test
    void beanIsCreatedOncePerName() {
        assertThat(all.select(Identifier.Literal.of("audit")).get()).isSameAs(audit);
        assertThat(workspace.backends().get("audit")).isSameAs(audit);

        assertThat(Recordings.opened("audit")).hasSize(1);
    }

    @Test
    void onlyConfiguredBackendsAreBeans() {
        assertThat(all.handlesStream()).hasSize(3);
    }

    @Test
    void workspaceListsExplicitBackendsByName() {
        assertThat(workspace.backends().names()).containsExactly("audit", "main", "scratch");
    }
}
