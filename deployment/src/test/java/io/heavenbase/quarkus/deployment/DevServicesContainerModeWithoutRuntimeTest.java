package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.heavenbase.quarkus.deployment.support.Drivers;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code heavenbase.devservices.mode=container} and no container runtime (none exists on the build machines),
 * Dev Services start nothing, not even the embedded PostgreSQL, and the single warning names each property to set
 * with the reason: no container runtime for {@code postgres}, no container at all for {@code pinecone}.
 */
class DevServicesContainerModeWithoutRuntimeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .setForcedDependencies(List.of(Drivers.postgres()))
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideConfigKey("heavenbase.backends.cone.type", "pinecone")
            .overrideConfigKey("heavenbase.devservices.mode", "container")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.INFO.intValue()
                    && record.getLoggerName().startsWith("io.heavenbase.quarkus.deployment.devservices"))
            .assertLogRecords(DevServicesContainerModeWithoutRuntimeTest::onlyTheWarning)
            .assertException(BuildFailures.causedBy(ConfigurationException.class, "heavenbase.backends."));

    @Test
    void startupFails() {
        fail("startup must fail");
    }

    private static void onlyTheWarning(List<LogRecord> records) {
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(org.jboss.logmanager.Level.WARN);
            assertThat(((ExtLogRecord) record).getFormattedMessage()).contains(
                    "heavenbase.backends.main.url (backend 'main', postgres; no container runtime (Docker or Podman)"
                            + " is available)",
                    "heavenbase.backends.cone.api-key (backend 'cone', pinecone; no Dev Services container for this"
                            + " type)",
                    "heavenbase.devservices.mode=container");
        });
    }
}
