package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.quarkus.test.QuarkusUnitTest;

/** mysql with nothing added fails the build naming both Quarkus extensions that serve it. */
class MysqlNothingAddedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = RequirementApps.buildFails("mysql",
            "backend 'main' (heavenbase.backends.main.type=mysql) needs a MySQL or MariaDB JDBC driver, which "
                    + "this application does not have: add the Quarkus extension io.quarkus:quarkus-jdbc-mysql or "
                    + "io.quarkus:quarkus-jdbc-mariadb");

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
