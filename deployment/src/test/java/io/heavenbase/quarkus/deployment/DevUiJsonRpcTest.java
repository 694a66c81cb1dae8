package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.core.type.TypeReference;

import io.heavenbase.quarkus.deployment.devuiapp.DevUiNote;
import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;

/** The JSON-RPC service of the HeavenBase Dev UI card answers with the live state of the running backends. */
class DevUiJsonRpcTest extends DevUIJsonRPCTest {

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(DevUiNote.class)
                    .addAsResource(new StringAsset(DevUiNote.CONFIG), "application.properties"));

    DevUiJsonRpcTest() {
        super("quarkus-heavenbase");
        uri = DevUiNote.onApplicationPort(uri);
    }

    @Test
    void getBackendStatusesReportsEveryBackendUp() throws Exception {
        List<Map<String, Object>> statuses = executeJsonRPCMethod(new TypeReference<List<Map<String, Object>>>() {
        }, "getBackendStatuses");

        assertThat(statuses).extracting(s -> s.get("name"), s -> s.get("type"), s -> s.get("state"),
                s -> s.get("detail")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("main", "sqlite", "UP", "UP"),
                        org.assertj.core.groups.Tuple.tuple("vec", "inmem", "UP", "UP"));
        assertThat(statuses).allSatisfy(s -> assertThat(((Number) s.get("latencyMillis")).longValue())
                .isGreaterThanOrEqualTo(0));
    }
}
