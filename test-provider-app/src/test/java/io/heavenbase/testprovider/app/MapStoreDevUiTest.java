package io.heavenbase.testprovider.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.devui.tests.DevUIBuildTimeDataTest;
import io.quarkus.test.QuarkusDevModeTest;

/** The HeavenBase Dev UI card lists a backend of the mapstore type of another jar with its type. */
class MapStoreDevUiTest extends DevUIBuildTimeDataTest {

    /** Fixed: the Dev UI test helpers cannot learn a random port. Not the deployment module's 18741. */
    private static final int HTTP_PORT = 18753;

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addAsResource(new StringAsset("""
                    heavenbase.backends.main.type=mapstore
                    heavenbase.backends.main.capacity=50
                    quarkus.http.port=%d
                    """.formatted(HTTP_PORT)), "application.properties"));

    MapStoreDevUiTest() throws URISyntaxException {
        super("quarkus-heavenbase");
        uri = new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), HTTP_PORT, uri.getPath(), uri.getQuery(),
                null);
    }

    @Test
    void theBackendIsListedWithItsType() throws Exception {
        JsonNode data = getBuildTimeData("backends");
        assertThat(data).isNotNull();
        List<Map<String, Object>> rows = new ArrayList<>(new ObjectMapper().convertValue(data,
                new TypeReference<List<Map<String, Object>>>() {
                }));
        assertThat(rows).containsExactly(Map.of("name", "main", "type", "mapstore", "datasource", ""));
    }
}
