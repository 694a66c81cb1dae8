package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heavenbase.quarkus.deployment.devuiapp.DevUiNote;
import io.quarkus.devui.tests.DevUIBuildTimeDataTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The build-time data of the HeavenBase Dev UI card, as the Dev UI serves it in dev mode: every backend with its
 * type, every entity field with the backend and strategy it is placed on and its analyzer (text fields).
 */
class DevUiCardTest extends DevUIBuildTimeDataTest {

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(DevUiNote.class)
                    .addAsResource(new StringAsset(DevUiNote.CONFIG), "application.properties"));

    DevUiCardTest() {
        super("quarkus-heavenbase");
        uri = DevUiNote.onApplicationPort(uri);
    }

    @Test
    void cardPublishesBothDataKeys() throws Exception {
        assertThat(getAllKeys()).contains("backends", "entities");
    }

    @Test
    void backendsAreListedWithTheirType() throws Exception {
        assertThat(rows("backends")).containsExactlyInAnyOrder(
                Map.of("name", "main", "type", "sqlite", "datasource", ""),
                Map.of("name", "vec", "type", "inmem", "datasource", ""));
    }

    @Test
    void everyFieldIsListedWithItsBackendAndStrategy() throws Exception {
        assertThat(rows("entities")).containsExactlyInAnyOrder(
                // Every entity has the implicit name key, kept on the default backend main.
                field("name", "ShortText", "main", "InlineColumn", "standard"),
                field("title", "ShortText", "main", "InlineColumn", "standard"),
                field("embedding", "Vector[3]", "vec", "VectorIndex", ""));
    }

    private List<Map<String, Object>> rows(String key) throws Exception {
        JsonNode data = getBuildTimeData(key);
        assertThat(data).as("build-time data '%s'", key).isNotNull();
        assertThat(data.isArray()).as("build-time data '%s' is an array: %s", key, data).isTrue();
        return new ArrayList<>(new ObjectMapper().convertValue(data, new TypeReference<List<Map<String, Object>>>() {
        }));
    }

    private static Map<String, Object> field(String name, String dtype, String backend, String strategy,
            String analyzer) {
        return Map.of("entity", "note", "className", DevUiNote.class.getName(), "field", name, "dtype", dtype,
                "backend", backend, "strategy", strategy, "copies", "", "analyzer", analyzer);
    }
}
