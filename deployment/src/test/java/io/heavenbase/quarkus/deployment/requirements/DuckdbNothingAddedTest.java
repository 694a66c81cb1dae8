package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.quarkus.test.QuarkusUnitTest;

/** duckdb has no Quarkus extension: with nothing added the build fails naming the Maven coordinates of the driver. */
class DuckdbNothingAddedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = RequirementApps.buildFails("duckdb",
            "backend type 'duckdb' (heavenbase.backends.main.type) needs its driver on the classpath: add "
                    + "org.duckdb:duckdb_jdbc");

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
