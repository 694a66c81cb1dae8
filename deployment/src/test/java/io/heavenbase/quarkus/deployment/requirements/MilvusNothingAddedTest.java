package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.quarkus.test.QuarkusUnitTest;

/** milvus has no Quarkus extension: with nothing added the build fails naming the Maven coordinates of the SDK. */
class MilvusNothingAddedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = RequirementApps.buildFails("milvus",
            "backend type 'milvus' (heavenbase.backends.main.type) needs its driver on the classpath: add "
                    + "io.milvus:milvus-sdk-java:2.6.7 and org.slf4j:slf4j-api");

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
