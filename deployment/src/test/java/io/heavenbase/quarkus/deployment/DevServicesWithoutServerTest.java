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
 * When Dev Services cannot start a server (here: {@code heavenbase.devservices.mode=container} on a machine without
 * a container runtime, or a type without a container), they start nothing and log one warning naming the properties to set; the
 * backend then fails startup naming its missing {@code url}.
 */
class DevServicesWithoutServerTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .setForcedDependencies(List.of(Drivers.postgres()))
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideConfigKey("heavenbase.backends.archive.type", "postgres")
            .overrideConfigKey("heavenbase.devservices.mode", "container")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                    && record.getLoggerName().startsWith("io.heavenbase"))
            .assertLogRecords(DevServicesWithoutServerTest::oneWarningNamingTheProperties)
            .assertException(BuildFailures.causedBy(ConfigurationException.class, "heavenbase.backends."));

    @Test
    void startupFails() {
        fail("startup must fail");
    }

    private static void oneWarningNamingTheProperties(List<LogRecord> records) {
        assertThat(records).singleElement().satisfies(record -> assertThat(((ExtLogRecord) record).getFormattedMessage())
                .contains("heavenbase.backends.main.url", "heavenbase.backends.archive.url",
                        "heavenbase.devservices.mode=container"));
    }
}
