package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.quarkus.test.QuarkusUnitTest;

/** oracle with nothing added fails the build naming quarkus-jdbc-oracle. */
class OracleNothingAddedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = RequirementApps.buildFails("oracle",
            "backend 'main' (heavenbase.backends.main.type=oracle) needs the Oracle JDBC driver, which this "
                    + "application does not have: add the Quarkus extension io.quarkus:quarkus-jdbc-oracle");

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
