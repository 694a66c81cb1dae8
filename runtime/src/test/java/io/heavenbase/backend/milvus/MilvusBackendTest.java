package io.heavenbase.backend.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.heavenbase.BackendException;
import io.heavenbase.Metric;
import io.heavenbase.ValidationException;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.query.Similarity;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The backend's calls and answers, against a gateway that records requests instead of a server. */
class MilvusBackendTest {

    private final RecordingMilvusGateway gateway = new RecordingMilvusGateway();
    private final MilvusBackend backend = new MilvusBackend(MilvusFixtures.settings(), gateway);
    private final EntityLayout layout = MilvusFixtures.layout();

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
    void givenNoCollection_whenEnsured_thenItIsCreated() {
        backend.ensure(layout);

        assertThat(gateway.sent(CreateCollectionReq.class)).singleElement()
                .satisfies(r -> assertThat(r.getCollectionName()).isEqualTo("hb_doc_part"));
    }

    @Test
    void givenAnEqualUnloadedCollection_whenEnsured_thenItIsLoadedNotRecreated() {
        gateway.collectionExists = true;
        gateway.loaded = false;
        gateway.existingFields = new MilvusRequests(MilvusFixtures.settings())
                .createCollection(MilvusFixtures.collection()).getCollectionSchema().getFieldSchemaList();

        backend.ensure(layout);

        assertThat(gateway.sent(CreateCollectionReq.class)).isEmpty();
        assertThat(gateway.sent(LoadCollectionReq.class)).hasSize(1);
    }

    @Test
    void givenACollectionWithAnotherSchema_whenEnsured_thenTheErrorNamesCollectionAndPrefixProperty() {
        gateway.collectionExists = true;
        gateway.existingFields = List.of();

        assertThatThrownBy(() -> backend.ensure(layout)).isInstanceOf(BackendException.class)
                .hasMessageContaining("'vec'").hasMessageContaining("hb_doc_part")
                .hasMessageContaining("heavenbase.backends.vec.prefix");
    }

    @Test
    void givenMoreRowsThanOneBatch_whenUpserted_thenSentInBatchesOf200() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            rows.add(idRow("r" + i));
        }

        backend.upsert(layout, rows);

        assertThat(gateway.sent(UpsertReq.class)).extracting(r -> r.getData().size()).containsExactly(200, 200, 50);
    }

    @Test
    void givenOneInvalidRow_whenUpserted_thenNothingIsSent() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(idRow("ok"));
        Map<String, Object> bad = idRow("bad");
        bad.put("title", "x".repeat(2000));
        rows.add(bad);

        assertThatThrownBy(() -> backend.upsert(layout, rows)).isInstanceOf(ValidationException.class);
        assertThat(gateway.sent(UpsertReq.class)).isEmpty();
    }

    @Test
    void givenIds_whenFetched_thenFoundRowsCarryTheRequestedFieldsAndMissingIdsAreAbsent() {
        Map<String, Object> entity = MilvusFixtures.entity("r1", 1f, 0f, 0f);
        entity.put("qty", 5L);
        gateway.queryAnswers.add(List.of(entity));

        Map<String, Map<String, Object>> rows = backend.fetch(layout, List.of("r1", "r2"), List.of("qty", "title"));

        assertThat(rows).containsOnlyKeys("r1");
        assertThat(rows.get("r1")).containsEntry("object_id", "r1").containsEntry("qty", 5L).containsEntry("title", null);
        assertThat(gateway.sent(QueryReq.class)).singleElement()
                .satisfies(r -> assertThat(r.getOutputFields()).containsExactly("object_id", "qty", "title"));
    }

    @Test
    void givenManyIds_whenDeleted_thenChunksOfAThousand() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            ids.add("id" + i);
        }

        backend.delete(layout, ids);

        assertThat(gateway.sent(DeleteReq.class)).hasSize(3);
    }

    @Test
    void givenAMilvusAnswer_whenCounted_thenTheCountStarValue() {
        gateway.queryAnswers.add(List.of(Map.of("count(*)", 42L)));

        assertThat(backend.count(layout)).isEqualTo(42L);
    }

    @Test
    void givenMoreIdsThanOnePage_whenListed_thenTheScanContinuesAfterTheLargestId() {
        List<Map<String, Object>> full = new ArrayList<>();
        for (int i = 0; i < MilvusReader.SCAN_PAGE; i++) {
            full.add(Map.of("object_id", String.format("id%04d", i)));
        }
        gateway.queryAnswers.add(full);
        gateway.queryAnswers.add(List.of(Map.of("object_id", "zz")));

        Set<String> ids = backend.ids(layout);

        assertThat(ids).hasSize(MilvusReader.SCAN_PAGE + 1).contains("zz");
        assertThat(gateway.sent(QueryReq.class)).extracting(QueryReq::getFilter)
                .containsExactly(MilvusExpressions.TRUE, "object_id > \"id0999\"");
    }

    @Test
    void givenNearWithTheIndexMetric_whenExecuted_thenOneFilteredSearchWithMarginAndExactReRanking() {
        float[] query = {1, 0, 0};
        gateway.searchAnswers.add(List.of(MilvusFixtures.hit("b", 0.9f, 0.6f, 0.8f, 0f),
                MilvusFixtures.hit("a", 0.95f, 1f, 0f, 0f), MilvusFixtures.hit("c", 0.5f, 0f, 1f, 0f)));

        List<Hit> hits = backend.execute(layout, near(query, 2, Metric.COSINE, new Expr.Leaf("qty", Op.GT, 1L), null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("a", "b");
        assertThat(hits.get(1).score()).isCloseTo(Similarity.score(Metric.COSINE, new float[] {0.6f, 0.8f, 0f}, query),
                within(1e-12));
        SearchReq request = gateway.sent(SearchReq.class).get(0);
        assertThat(request.getLimit()).isEqualTo(14);
        assertThat(request.getFilter())
                .isEqualTo("((qty is not null and qty > 1)) and (_hb_has_embedding == true)");
        assertThat(request.getOutputFields()).containsExactly("object_id", "embedding", "_hb_has_embedding");
    }

    @Test
    void givenEqualScores_whenRanked_thenTiesAreBrokenByObjectId() {
        gateway.searchAnswers.add(List.of(MilvusFixtures.hit("b", 1f, 1f, 0f, 0f),
                MilvusFixtures.hit("a", 1f, 1f, 0f, 0f)));

        List<Hit> hits = backend.execute(layout, near(new float[] {1, 0, 0}, 1, Metric.COSINE, null, null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("a");
    }

    @Test
    void givenNearWithAnotherMetricThanTheIndex_whenExecuted_thenTheFilteredRowsAreScannedAndRankedExactly() {
        gateway.queryAnswers.add(List.of(MilvusFixtures.entity("far", 5f, 5f, 5f),
                MilvusFixtures.entity("near", 0.1f, 0f, 0f)));

        List<Hit> hits = backend.execute(layout, near(new float[] {0, 0, 0}, 1, Metric.L2, null, null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("near");
        assertThat(gateway.sent(SearchReq.class)).isEmpty();
        assertThat(gateway.sent(QueryReq.class)).singleElement()
                .satisfies(r -> assertThat(r.getFilter()).isEqualTo("_hb_has_embedding == true"));
    }

    @Test
    void givenAZeroQueryVectorUnderCosine_whenExecuted_thenScannedRatherThanSearched() {
        gateway.queryAnswers.add(List.of(MilvusFixtures.entity("b", 1f, 0f, 0f), MilvusFixtures.entity("a", 0f, 1f, 0f)));

        List<Hit> hits = backend.execute(layout, near(new float[] {0, 0, 0}, 5, Metric.COSINE, null, null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("a", "b");
        assertThat(hits).extracting(Hit::score).containsOnly(0.0);
        assertThat(gateway.sent(SearchReq.class)).isEmpty();
    }

    @Test
    void givenCandidatesBeyondOneChunk_whenNear_thenOneSearchPerChunkMergedIntoOneTopK() {
        Set<String> candidates = new LinkedHashSet<>();
        for (int i = 0; i < 1500; i++) {
            candidates.add("c" + i);
        }
        gateway.searchAnswers.add(List.of(MilvusFixtures.hit("c1", 0.5f, 0f, 1f, 0f)));
        gateway.searchAnswers.add(List.of(MilvusFixtures.hit("c1200", 1f, 1f, 0f, 0f)));

        List<Hit> hits = backend.execute(layout, near(new float[] {1, 0, 0}, 1, Metric.COSINE, null, candidates));

        assertThat(hits).extracting(Hit::objectId).containsExactly("c1200");
        assertThat(gateway.sent(SearchReq.class)).hasSize(2)
                .allSatisfy(r -> assertThat(r.getFilter()).startsWith("(_hb_has_embedding == true) and (object_id in ["));
    }

    @Test
    void givenAFilterWithoutMilvusLiteral_whenExecuted_thenRowsAreScannedUnfilteredAndTheEngineEvaluates() {
        Map<String, Object> min = idRow("min");
        min.put("qty", Long.MIN_VALUE);
        Map<String, Object> other = idRow("other");
        other.put("qty", 3L);
        gateway.queryAnswers.add(List.of(min, other));

        List<Hit> hits = backend.execute(layout, Fragment.filter(new Expr.Leaf("qty", Op.EQ, Long.MIN_VALUE), null));

        assertThat(hits).extracting(Hit::objectId).containsExactly("min");
        assertThat(gateway.sent(QueryReq.class)).singleElement().satisfies(r -> {
            assertThat(r.getFilter()).isEqualTo(MilvusExpressions.TRUE);
            assertThat(r.getOutputFields()).contains("qty");
        });
    }

    @Test
    void givenAFilterWithOffsetAndLimit_whenExecuted_thenRowsArePagedInObjectIdOrder() {
        gateway.queryAnswers.add(List.of(idRow("c"), idRow("a"), idRow("d"), idRow("b")));
        Fragment fragment = new Fragment(new Expr.Leaf("qty", Op.GT, 1L), null, null, List.of(), 1, 2, Set.of());

        List<Hit> hits = backend.execute(layout, fragment);

        assertThat(hits).extracting(Hit::objectId).containsExactly("b", "c");
        assertThat(gateway.sent(QueryReq.class)).singleElement()
                .satisfies(r -> assertThat(r.getFilter()).isEqualTo("(qty is not null and qty > 1)"));
    }

    @Test
    void givenCandidatesAndAFilter_whenExecuted_thenOneQueryByIdsWithTheFilter() {
        gateway.queryAnswers.add(List.of(idRow("a")));

        List<Hit> hits = backend.execute(layout, Fragment.filter(new Expr.Leaf("qty", Op.GT, 1L), Set.of("a", "b")));

        assertThat(hits).extracting(Hit::objectId).containsExactly("a");
        assertThat(gateway.sent(QueryReq.class)).singleElement()
                .satisfies(r -> assertThat(r.getFilter()).startsWith("((qty is not null and qty > 1)) and (object_id in"));
    }

    @Test
    void givenAnExistingCollection_whenDropped_thenItIsDropped() {
        gateway.collectionExists = true;

        backend.drop(layout);

        assertThat(gateway.sent(DropCollectionReq.class)).singleElement()
                .satisfies(r -> assertThat(r.getCollectionName()).isEqualTo("hb_doc_part"));
    }

    @Test
    void givenAClientFailureQuotingTheToken_whenCalled_thenABackendErrorNamesBackendAndOperationWithoutTheToken() {
        gateway.failure = new IllegalStateException("auth failed for token " + MilvusFixtures.TOKEN);

        assertThatThrownBy(() -> backend.count(layout)).isInstanceOf(BackendException.class)
                .hasMessageContaining("'vec'").hasMessageContaining("count hb_doc_part")
                .hasMessageNotContaining(MilvusFixtures.TOKEN).hasMessageContaining("****");
    }

    @Test
    void givenTheBackend_whenClosed_thenTheGatewayIsClosed() {
        backend.close();

        assertThat(gateway.closed).isTrue();
    }
}
