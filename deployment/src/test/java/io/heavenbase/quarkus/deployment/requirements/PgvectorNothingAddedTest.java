package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.quarkus.test.QuarkusUnitTest;

/**
 * pgvector with nothing added fails the build naming quarkus-jdbc-postgresql, although the embedded PostgreSQL of the
 * Dev Services puts org.postgresql on the build's class path (the zonky case).
 */
class PgvectorNothingAddedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = RequirementApps.buildFails("pgvector",
            "backend 'main' (heavenbase.backends.main.type=pgvector) needs the PostgreSQL JDBC driver, which "
                    + "this application does not have: add the Quarkus extension io.quarkus:quarkus-jdbc-postgresql");

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
