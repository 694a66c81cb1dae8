package io.heavenbase.backend.pinecone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.Metric;
import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.query.Similarity;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend's HTTP requests and its reading of Pinecone's answers, against a local server that
 * records requests and returns canned Pinecone responses. This checks our request building and
 * response parsing, not Pinecone itself.
 */
class PineconeBackendTest {

    private FakePineconeServer server;
    private Backend backend;
    private final EntityLayout layout = PineconeFixtures.layout();

    @BeforeEach
    void start() throws IOException {
        server = new FakePineconeServer();
        server.otherwise("GET /indexes/docs", 200, PineconeFixtures.description(server.url(), 3, "cosine"));
        backend = new PineconeProvider().open(PineconeFixtures.config("api-key", PineconeFixtures.API_KEY, "api-url",
                server.url()));
    }

    @AfterEach
    void stop() {
        backend.close();
        server.close();
    }

    private JsonNode body(FakePineconeServer.Request request) throws IOException {
        return PineconeFixtures.JSON.readTree(request.body());
    }

    private static String match(String id, double score, float... values) {
        StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"score\":" + score + ",\"values\":[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append(values[i]);
        }
        return json.append("],\"metadata\":{\"object_id\":\"").append(id).append("\",\"_hb_vec\":true}}").toString();
    }

    private static String matches(String... matches) {
        return "{\"matches\":[" + String.join(",", matches) + "],\"namespace\":\"hb_doc_part\"}";
    }

    private static Map<String, Object> idRow(String id) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        return row;
    }

    private static Fragment near(float[] vector, int topK, Metric metric, Expr filter, Set<String> candidates) {
        return new Fragment(filter, new NearSpec("embedding", vector, topK, metric), candidates, List.of(), 0, null,
                Set.of("score"));
    }

    @Test
    void givenNoHost_whenEnsured_thenTheControlPlaneIsAskedWithKeyAndApiVersion() {
        backend.ensure(layout);

        FakePineconeServer.Request describe = server.requests("GET /indexes/docs").get(0);
        assertThat(describe.header("Api-Key")).isEqualTo(PineconeFixtures.API_KEY);
        assertThat(describe.header("X-Pinecone-API-Version")).isEqualTo(PineconeHttp.API_VERSION);
    }

    @Test
    void givenAMissingIndexWithoutCloud_whenEnsured_thenTheErrorNamesTheIndexProperty() {
        server.answer("GET /indexes/docs", 404, "{\"error\":{\"code\":\"NOT_FOUND\"}}");

        assertThatThrownBy(() -> backend.ensure(layout)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.vec.index").hasMessageContaining("'docs'");
    }

    @Test
    void givenAMissingIndexWithCloudAndRegion_whenEnsured_thenAServerlessIndexOfTheVectorDimensionIsCreated()
            throws IOException {
        server.answer("GET /indexes/docs", 404, "{}");
        Backend creating = new PineconeProvider().open(PineconeFixtures.config("api-key", PineconeFixtures.API_KEY,
                "api-url", server.url(), "cloud", "aws", "region", "us-east-1", "metric", "dot"));

        creating.ensure(layout);

        JsonNode create = body(server.requests("POST /indexes").get(0));
        assertThat(create.path("name").asText()).isEqualTo("docs");
        assertThat(create.path("dimension").asInt()).isEqualTo(3);
        assertThat(create.path("metric").asText()).isEqualTo("dotproduct");
        assertThat(create.path("spec").path("serverless").path("cloud").asText()).isEqualTo("aws");
        assertThat(create.path("spec").path("serverless").path("region").asText()).isEqualTo("us-east-1");
    }

    @Test
    void givenAnIndexOfAnotherDimension_whenEnsured_thenRefusedNamingTheField() {
        EntityLayout wide = new EntityLayout("wide",
                List.of(new StoredField("v", DType.parse("Vector[8]"), Strategy.VECTOR_INDEX)));

        assertThatThrownBy(() -> backend.ensure(wide)).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("'v'").hasMessageContaining("dimension 3");
    }

    @Test
    void givenTwoVectorsInOnePart_whenEnsured_thenRefused() {
        EntityLayout two = new EntityLayout("two", List.of(
                new StoredField("a", DType.parse("Vector[3]"), Strategy.VECTOR_INDEX),
                new StoredField("b", DType.parse("Vector[3]"), Strategy.VECTOR_INDEX)));

        assertThatThrownBy(() -> backend.ensure(two)).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("one vector per record");
    }

    @Test
    void givenAHost_whenUsed_thenTheControlPlaneIsNotAskedAndTheDimensionComesFromTheStats() throws IOException {
        server.answer("POST /describe_index_stats", 200, "{\"dimension\":3,\"namespaces\":{}}");
        Backend direct = new PineconeProvider().open(PineconeFixtures.config("host", server.url()));

        direct.upsert(layout, List.of(idRow("r1")));

        assertThat(server.requests("GET /indexes/docs")).isEmpty();
        assertThat(body(server.requests("POST /vectors/upsert").get(0)).path("vectors").get(0).path("values").size())
                .isEqualTo(3);
        assertThat(server.requests("POST /vectors/upsert").get(0).header("Api-Key")).isNull();
    }

    @Test
    void givenMoreRowsThanOneBatch_whenUpserted_thenBatchesOf100IntoTheEntityNamespace() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(idRow("r" + i));
        }

        backend.upsert(layout, rows);

        List<FakePineconeServer.Request> upserts = server.requests("POST /vectors/upsert");
        assertThat(upserts).hasSize(3);
        assertThat(body(upserts.get(0)).path("namespace").asText()).isEqualTo("hb_doc_part");
        assertThat(body(upserts.get(2)).path("vectors").size()).isEqualTo(50);
    }

    @Test
    void givenHostileIds_whenFetched_thenTheyArePercentEncodedAndTheAnswerIsParsed() {
        server.answer("GET /vectors/fetch", 200, "{\"vectors\":{\"a&b=c\":{\"id\":\"a&b=c\",\"values\":[1,0,0],"
                + "\"metadata\":{\"object_id\":\"a&b=c\",\"qty\":5.0,\"_hb_vec\":true}}},\"namespace\":\"hb_doc_part\"}");

        Map<String, Map<String, Object>> rows = backend.fetch(layout, List.of("a&b=c", "ü x"), List.of("qty"));

        assertThat(rows).containsOnlyKeys("a&b=c");
        assertThat(rows.get("a&b=c")).containsEntry("qty", 5L).containsEntry("object_id", "a&b=c");
        FakePineconeServer.Request fetch = server.requests("GET /vectors/fetch").get(0);
        assertThat(fetch.parameter("ids")).containsExactlyInAnyOrder("a&b=c", "ü x");
        assertThat(fetch.parameter("namespace")).containsExactly("hb_doc_part");
    }

    @Test
    void givenIds_whenDeleted_thenOneDeleteRequestListsThem() throws IOException {
        backend.delete(layout, List.of("r1", "r2"));

        JsonNode delete = body(server.requests("POST /vectors/delete").get(0));
        assertThat(delete.path("namespace").asText()).isEqualTo("hb_doc_part");
        assertThat(delete.path("ids").size()).isEqualTo(2);
    }

    @Test
    void givenAMissingNamespace_whenDropped_thenTheNotFoundAnswerIsAccepted() throws IOException {
        server.answer("POST /vectors/delete", 404, "{\"code\":5,\"message\":\"Namespace not found\"}");

        backend.drop(layout);

        assertThat(body(server.requests("POST /vectors/delete").get(0)).path("deleteAll").asBoolean()).isTrue();
    }

    @Test
    void givenIndexStats_whenCounted_thenTheNamespaceVectorCount() {
        server.answer("POST /describe_index_stats", 200,
                "{\"namespaces\":{\"hb_doc_part\":{\"vectorCount\":7},\"other\":{\"vectorCount\":1}},\"dimension\":3}");

        assertThat(backend.count(layout)).isEqualTo(7);
    }

    @Test
    void givenTwoListPages_whenIdsAreListed_thenThePaginationTokenIsFollowed() {
        server.answer("GET /vectors/list", 200, "{\"vectors\":[{\"id\":\"a\"},{\"id\":\"b\"}],"
                + "\"pagination\":{\"next\":\"tok+/=\"}}");
        server.answer("GET /vectors/list", 200, "{\"vectors\":[{\"id\":\"c\"}]}");

        assertThat(backend.ids(layout)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(server.requests("GET /vectors/list").get(1).parameter("paginationToken")).containsExactly("tok+/=");
    }

    @Test
    void givenNearWithTheIndexMetric_whenExecuted_thenOneFilteredQueryWithMarginAndExactReRanking() throws IOException {
        server.answer("POST /query", 200, matches(match("b", 0.9, 0.6f, 0.8f, 0f), match("a", 0.95, 1f, 0f, 0f),
                match("c", 0.1, 0f, 1f, 0f)));
        float[] query = {1, 0, 0};

        List<Hit> hits = backend.execute(layout, near(query, 2, Metric.COSINE, new Expr.Leaf("qty", Op.GT, 1L), null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("a", "b");
        assertThat(hits.get(1).score()).isCloseTo(Similarity.score(Metric.COSINE, new float[] {0.6f, 0.8f, 0f}, query),
                within(1e-12));
        JsonNode request = body(server.requests("POST /query").get(0));
        assertThat(request.path("topK").asInt()).isEqualTo(14);
        assertThat(request.path("filter").toString())
                .isEqualTo("{\"$and\":[{\"qty\":{\"$gt\":1}},{\"_hb_vec\":{\"$eq\":true}}]}");
        assertThat(request.path("includeValues").asBoolean()).isTrue();
        assertThat(request.path("includeMetadata").asBoolean()).isTrue();
        assertThat(request.path("namespace").asText()).isEqualTo("hb_doc_part");
    }

    @Test
    void givenCandidates_whenNear_thenTheyRestrictTheQueryAsAnObjectIdFilter() throws IOException {
        server.answer("POST /query", 200, matches(match("x", 1, 1f, 0f, 0f)));

        backend.execute(layout, near(new float[] {1, 0, 0}, 1, Metric.COSINE, null, new LinkedHashSet<>(List.of("x"))));

        assertThat(body(server.requests("POST /query").get(0)).path("filter").toString())
                .isEqualTo("{\"$and\":[{\"_hb_vec\":{\"$eq\":true}},{\"object_id\":{\"$in\":[\"x\"]}}]}");
    }

    @Test
    void givenNearWithAnotherMetric_whenExecuted_thenRowsAreListedFetchedAndRankedExactly() {
        server.answer("GET /vectors/list", 200, "{\"vectors\":[{\"id\":\"far\"},{\"id\":\"near\"}]}");
        server.answer("GET /vectors/fetch", 200, "{\"vectors\":{"
                + "\"far\":{\"id\":\"far\",\"values\":[5,5,5],\"metadata\":{\"_hb_vec\":true}},"
                + "\"near\":{\"id\":\"near\",\"values\":[0.1,0,0],\"metadata\":{\"_hb_vec\":true}}}}");

        List<Hit> hits = backend.execute(layout, near(new float[] {0, 0, 0}, 1, Metric.L2, null, null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("near");
        assertThat(server.requests("POST /query")).isEmpty();
    }

    @Test
    void givenAFilterOnly_whenExecuted_thenAProbeQueryReturnsIdsWithoutData() throws IOException {
        server.answer("POST /query", 200, "{\"matches\":[{\"id\":\"b\",\"score\":0.1},{\"id\":\"a\",\"score\":0.2}]}");

        List<Hit> hits = backend.execute(layout, Fragment.filter(new Expr.Leaf("color", Op.EQ, "red"), null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("a", "b");
        JsonNode request = body(server.requests("POST /query").get(0));
        assertThat(request.path("topK").asInt()).isEqualTo(10_000);
        assertThat(request.path("includeMetadata").asBoolean()).isFalse();
        assertThat(request.path("vector").size()).isEqualTo(3);
    }

    @Test
    void givenAFilterMatchingPineconesTopKCap_whenExecuted_thenRowsAreEvaluatedHereInstead() {
        StringBuilder many = new StringBuilder("{\"matches\":[");
        for (int i = 0; i < 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\":\"m").append(i).append("\",\"score\":0}");
        }
        server.answer("POST /query", 200, many.append("]}").toString());
        server.answer("GET /vectors/list", 200, "{\"vectors\":[{\"id\":\"red\"},{\"id\":\"blue\"}]}");
        server.answer("GET /vectors/fetch", 200, "{\"vectors\":{"
                + "\"red\":{\"id\":\"red\",\"values\":[1,0,0],\"metadata\":{\"color\":\"red\"}},"
                + "\"blue\":{\"id\":\"blue\",\"values\":[1,0,0],\"metadata\":{\"color\":\"blue\"}}}}");

        List<Hit> hits = backend.execute(layout, Fragment.filter(new Expr.Leaf("color", Op.EQ, "red"), null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("red");
    }

    @Test
    void givenANegation_whenExecuted_thenTheComplementOfTheChildWithinAllIds() throws IOException {
        server.answer("GET /vectors/list", 200, "{\"vectors\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]}");
        server.answer("POST /query", 200, "{\"matches\":[{\"id\":\"b\",\"score\":0}]}");

        List<Hit> hits = backend.execute(layout,
                Fragment.filter(new Expr.Not(new Expr.Leaf("color", Op.EQ, "red")), null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("a", "c");
        assertThat(body(server.requests("POST /query").get(0)).path("filter").toString())
                .startsWith("{\"$and\":[{\"color\":{\"$eq\":\"red\"}},{\"object_id\":{\"$in\":[");
    }

    @Test
    void givenAnErrorAnswerEchoingTheKey_whenCalled_thenABackendErrorWithoutTheKey() {
        server.answer("POST /describe_index_stats", 401, "{\"error\":\"bad key " + PineconeFixtures.API_KEY + "\"}");

        assertThatThrownBy(() -> backend.count(layout)).isInstanceOf(BackendException.class)
                .hasMessageContaining("'vec'").hasMessageContaining("count namespace hb_doc_part")
                .hasMessageContaining("HTTP 401").hasMessageNotContaining(PineconeFixtures.API_KEY);
    }

    @Test
    void givenARateLimitAnswer_whenCalled_thenTheRequestIsRetried() {
        server.answer("POST /describe_index_stats", 429, "{}");
        server.answer("POST /describe_index_stats", 200, "{\"namespaces\":{\"hb_doc_part\":{\"vectorCount\":2}}}");

        assertThat(backend.count(layout)).isEqualTo(2);
        assertThat(server.requests("POST /describe_index_stats")).hasSize(2);
    }

    @Test
    void givenNoServer_whenCalled_thenTheErrorSaysItCannotBeReachedWithoutTheKey() {
        server.close();

        assertThatThrownBy(() -> backend.ping()).isInstanceOf(BackendException.class)
                .hasMessageContaining("cannot reach http://127.0.0.1")
                .hasMessageNotContaining(PineconeFixtures.API_KEY);
    }
}
