package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * postgres with nothing added fails the build naming quarkus-jdbc-postgresql, although the embedded PostgreSQL of
 * the Dev Services puts org.postgresql on the build's class path; no Dev Service starts.
 */
class PostgresNothingAddedTest {

    private static final String DEV_SERVICES = "io.heavenbase.quarkus.deployment.devservices";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            // No Dev Service is started for a backend that cannot start: the build fails first.
            .setLogRecordPredicate(record -> String.valueOf(record.getLoggerName()).startsWith(DEV_SERVICES)
                    || String.valueOf(record.getLoggerName()).startsWith("io.zonky"))
            .assertLogRecords(records -> assertThat(records).isEmpty())
            .assertException(BuildFailures.causedBy(ConfigurationException.class,
                    "backend 'main' (heavenbase.backends.main.type=postgres) needs the PostgreSQL JDBC driver, which "
                            + "this application does not have: add the Quarkus extension "
                            + "io.quarkus:quarkus-jdbc-postgresql"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
