package io.heavenbase.backend.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.heavenbase.Metric;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.UpsertRequest;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.utils.DataUtils;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK requests built for writes, reads and searches. */
class MilvusRequestsTest {

    private final MilvusRequests requests = new MilvusRequests(MilvusFixtures.settings());
    private final MilvusCollection collection = MilvusFixtures.collection();

    @Test
    void givenRows_whenUpserted_thenOneRequestCarriesThemForTheCollection() {
        JsonObject row = new JsonObject();
        row.addProperty("object_id", "r1");

        UpsertReq request = requests.upsert(collection, List.of(row));

        assertThat(request.getCollectionName()).isEqualTo("hb_doc_part");
        assertThat(request.getData()).containsExactly(row);
        assertThat(request.isPartialUpdate()).isFalse();
    }

    @Test
    void givenConvertedRows_whenTheSdkEncodesTheUpsertForTheWire_thenEveryFieldIsAcceptedAndNullsAreMarked() {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("object_id", "full");
        full.put("title", "Apple");
        full.put("qty", 5L);
        full.put("price", 2.5);
        full.put("active", true);
        full.put("color", "red");
        full.put("created", Instant.parse("2024-01-01T00:00:00Z"));
        full.put("day", LocalDate.of(2024, 1, 1));
        full.put("tags", List.of("a"));
        full.put("sizes", List.of(1L));
        full.put("meta", Map.of("k", 1L));
        full.put("links", List.of(Map.of("slot", "s", "value", "v", "topic", "t")));
        full.put("embedding", new float[] {1, 0, 0});
        UpsertReq request = requests.upsert(collection, List.of(MilvusValues.toRow(collection, full),
                MilvusValues.toRow(collection, Map.of("object_id", "empty"))));
        DescribeCollectionResp described = DescribeCollectionResp.builder().collectionName("hb_doc_part")
                .collectionSchema(requests.createCollection(collection).getCollectionSchema())
                .primaryFieldName("object_id").build();

        UpsertRequest wire = new DataUtils.InsertBuilderWrapper().convertGrpcUpsertRequest(request, described);

        assertThat(wire.getNumRows()).isEqualTo(2);
        assertThat(wire.getFieldsDataList()).extracting(FieldData::getFieldName)
                .containsExactlyInAnyOrderElementsOf(collection.columns().stream().map(MilvusColumn::name).toList());
        assertThat(wire.getFieldsDataList()).filteredOn(f -> f.getFieldName().equals("title")).singleElement()
                .satisfies(f -> assertThat(f.getValidDataList()).containsExactly(true, false));
    }

    @Test
    void givenIds_whenDeleted_thenTheFilterListsThemEscaped() {
        DeleteReq request = requests.delete(collection, List.of("r1", "x\"y"));

        assertThat(request.getCollectionName()).isEqualTo("hb_doc_part");
        assertThat(request.getFilter()).isEqualTo("object_id in [\"r1\", \"x\\\"y\"]");
        assertThat(request.getIds()).isNullOrEmpty();
    }

    @Test
    void givenIdsAndAFilter_whenQueriedByIds_thenBothAreInTheExpressionAndTheLimitIsTheIdCount() {
        QueryReq request = requests.byIds(collection, List.of("r1", "r2"), "qty > 1", List.of("object_id", "qty"));

        assertThat(request.getFilter()).isEqualTo("(qty > 1) and (object_id in [\"r1\", \"r2\"])");
        assertThat(request.getOutputFields()).containsExactly("object_id", "qty");
        assertThat(request.getLimit()).isEqualTo(2);
        assertThat(request.getConsistencyLevel()).isEqualTo(ConsistencyLevel.STRONG);
    }

    @Test
    void givenAScanFromTheStart_whenPaged_thenTheFilterAloneWithIteratorOrdering() {
        QueryReq request = requests.scanPage(collection, "qty > 1", null, List.of("object_id"), 1000);

        assertThat(request.getFilter()).isEqualTo("qty > 1");
        assertThat(request.getLimit()).isEqualTo(1000);
        assertThat(request.getQueryParams()).containsEntry("iterator", "True");
        assertThat(request.getConsistencyLevel()).isEqualTo(ConsistencyLevel.STRONG);
    }

    @Test
    void givenAScanAfterACursor_whenPaged_thenTheKeysetConditionIsAdded() {
        QueryReq request = requests.scanPage(collection, null, "r\"9", List.of("object_id"), 1000);

        assertThat(request.getFilter()).isEqualTo("object_id > \"r\\\"9\"");
    }

    @Test
    void givenNoFilterAndNoCursor_whenPaged_thenTheFilterIsTheConstantTrue() {
        assertThat(requests.scanPage(collection, null, null, List.of("object_id"), 10).getFilter())
                .isEqualTo(MilvusExpressions.TRUE);
    }

    @Test
    void givenACount_whenRequested_thenCountStarWithStrongConsistency() {
        QueryReq request = requests.count(collection);

        assertThat(request.getOutputFields()).containsExactly("count(*)");
        assertThat(request.getFilter()).isEmpty();
        assertThat(request.getConsistencyLevel()).isEqualTo(ConsistencyLevel.STRONG);
    }

    @Test
    void givenANearSearch_whenBuilt_thenTheVectorFilterLimitMetricAndBeamWidthAreSet() {
        SearchReq request = requests.search(collection, "embedding", new float[] {1, 0, 0}, 16, "qty > 1",
                List.of("object_id", "embedding"));

        assertThat(request.getCollectionName()).isEqualTo("hb_doc_part");
        assertThat(request.getAnnsField()).isEqualTo("embedding");
        assertThat(request.getData()).singleElement().isInstanceOf(FloatVec.class)
                .satisfies(v -> assertThat(((FloatVec) v).getData()).isEqualTo(List.of(1f, 0f, 0f)));
        assertThat(request.getLimit()).isEqualTo(16);
        assertThat(request.getFilter()).isEqualTo("qty > 1");
        assertThat(request.getMetricType()).isEqualTo(IndexParam.MetricType.COSINE);
        assertThat(request.getSearchParams()).isEqualTo(Map.of("ef", 64));
        assertThat(request.getOutputFields()).containsExactly("object_id", "embedding");
        assertThat(request.getConsistencyLevel()).isEqualTo(ConsistencyLevel.STRONG);
    }

    @Test
    void givenALargeLimitOnHnsw_whenSearched_thenTheBeamIsAtLeastTheLimit() {
        SearchReq request = requests.search(collection, "embedding", new float[] {1, 0, 0}, 500, null, List.of());

        assertThat(request.getSearchParams()).isEqualTo(Map.of("ef", 500));
    }

    @Test
    void givenAFlatL2Index_whenSearched_thenL2WithoutSearchParams() {
        SearchReq request = new MilvusRequests(MilvusFixtures.settings(Metric.L2, "FLAT"))
                .search(collection, "embedding", new float[] {1, 0, 0}, 5, null, List.of());

        assertThat(request.getMetricType()).isEqualTo(IndexParam.MetricType.L2);
        assertThat(request.getSearchParams()).isNullOrEmpty();
    }

    @Test
    void givenCollectionAdministration_whenBuilt_thenEachNamesTheCollection() {
        assertThat(requests.hasCollection("c").getCollectionName()).isEqualTo("c");
        assertThat(requests.describeCollection("c").getCollectionName()).isEqualTo("c");
        assertThat(requests.loadState("c").getCollectionName()).isEqualTo("c");
        assertThat(requests.load("c").getCollectionName()).isEqualTo("c");
        assertThat(requests.load("c").getSync()).isTrue();
        assertThat(requests.dropCollection("c").getCollectionName()).isEqualTo("c");
    }
}
