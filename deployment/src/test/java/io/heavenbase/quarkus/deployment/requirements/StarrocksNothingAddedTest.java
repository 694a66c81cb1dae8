package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.quarkus.test.QuarkusUnitTest;

/** starrocks (MySQL protocol, Connector/J only) is not checked in Quarkus words: with nothing added the build fails
 * naming the Maven coordinates of the driver. */
class StarrocksNothingAddedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = RequirementApps.buildFails("starrocks",
            "backend type 'starrocks' (heavenbase.backends.main.type) needs its driver on the classpath: add "
                    + "com.mysql:mysql-connector-j");

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
