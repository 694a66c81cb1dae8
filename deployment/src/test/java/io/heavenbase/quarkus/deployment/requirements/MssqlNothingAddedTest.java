package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.ConfigurationException;
import io.heavenbase.quarkus.deployment.support.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/** mssql with nothing added fails the build naming quarkus-jdbc-mssql, before any Dev Service starts. */
class MssqlNothingAddedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("heavenbase.backends.main.type", "mssql")
            .assertException(BuildFailures.causedBy(ConfigurationException.class,
                    "backend 'main' (heavenbase.backends.main.type=mssql) needs the SQL Server JDBC driver, which "
                            + "this application does not have: add the Quarkus extension io.quarkus:quarkus-jdbc-mssql"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
