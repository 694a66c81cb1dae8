package io.heavenbase.quarkus.deployment.requirements;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.RequirementApps;
import io.quarkus.test.QuarkusUnitTest;

/**
 * elasticsearch with nothing added fails the build naming quarkus-elasticsearch-rest-client, although the OpenSearch
 * runner of the Dev Services is on this module's class path; no OpenSearch node starts.
 */
class ElasticsearchNothingAddedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = RequirementApps.buildFails("elasticsearch",
            "backend 'main' (heavenbase.backends.main.type=elasticsearch) needs the Elasticsearch low-level REST "
                    + "client, which this application does not have: add the Quarkus extension "
                    + "io.quarkus:quarkus-elasticsearch-rest-client");

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
