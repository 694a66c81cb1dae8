package io.heavenbase.backend.milvus;

import com.google.gson.JsonObject;
import io.heavenbase.Metric;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.request.data.BaseVector;
import io.milvus.v2.service.vector.request.data.FloatVec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds every request the backend sends, as Milvus SDK request objects, so that what is sent can
 * be checked without a server. Reads and searches ask for strong consistency: a write is visible
 * to the next read of the same workspace.
 */
final class MilvusRequests {

    /** The output field Milvus fills with the number of matching entities. */
    static final String COUNT = "count(*)";
    /** HNSW build parameters: graph degree and construction beam width. */
    static final int HNSW_M = 16;
    static final int HNSW_EF_CONSTRUCTION = 200;
    /** The smallest HNSW search beam width used. */
    static final int HNSW_MIN_EF = 64;

    private final MilvusSettings settings;

    MilvusRequests(MilvusSettings settings) {
        this.settings = settings;
    }

    /** The Milvus metric a logical metric is computed with. */
    static IndexParam.MetricType metricType(Metric metric) {
        switch (metric) {
            case DOT:
                return IndexParam.MetricType.IP;
            case L2:
                return IndexParam.MetricType.L2;
            default:
                return IndexParam.MetricType.COSINE;
        }
    }

    CreateCollectionReq createCollection(MilvusCollection collection) {
        List<CreateCollectionReq.FieldSchema> fields = new ArrayList<>();
        for (MilvusColumn column : collection.columns()) {
            fields.add(column.toFieldSchema());
        }
        CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder()
                .fieldSchemaList(fields).enableDynamicField(false).build();
        List<IndexParam> indexes = new ArrayList<>();
        for (String vector : collection.vectorFields()) {
            indexes.add(vectorIndex(vector));
        }
        if (collection.hasPlaceholder()) {
            indexes.add(IndexParam.builder().fieldName(MilvusNames.PLACEHOLDER_VECTOR)
                    .indexType(IndexParam.IndexType.FLAT).metricType(IndexParam.MetricType.L2).build());
        }
        return CreateCollectionReq.builder().collectionName(collection.name())
                .description("HeavenBase entity " + collection.layout().entityId()).collectionSchema(schema)
                .indexParams(indexes).consistencyLevel(ConsistencyLevel.STRONG).build();
    }

    HasCollectionReq hasCollection(String name) {
        return HasCollectionReq.builder().collectionName(name).build();
    }

    DescribeCollectionReq describeCollection(String name) {
        return DescribeCollectionReq.builder().collectionName(name).build();
    }

    GetLoadStateReq loadState(String name) {
        return GetLoadStateReq.builder().collectionName(name).build();
    }

    LoadCollectionReq load(String name) {
        return LoadCollectionReq.builder().collectionName(name).sync(true).build();
    }

    DropCollectionReq dropCollection(String name) {
        return DropCollectionReq.builder().collectionName(name).build();
    }

    UpsertReq upsert(MilvusCollection collection, List<JsonObject> rows) {
        return UpsertReq.builder().collectionName(collection.name()).data(rows).build();
    }

    DeleteReq delete(MilvusCollection collection, Collection<String> ids) {
        return DeleteReq.builder().collectionName(collection.name()).filter(MilvusExpressions.idIn(ids)).build();
    }

    /**
     * The entities with these ids (at most one each) that also match {@code filter} (when not
     * null), with the given Milvus output fields.
     */
    QueryReq byIds(MilvusCollection collection, Collection<String> ids, String filter, List<String> outputFields) {
        return QueryReq.builder().collectionName(collection.name())
                .filter(MilvusExpressions.and(filter, MilvusExpressions.idIn(ids))).outputFields(outputFields)
                .limit(ids.size()).consistencyLevel(ConsistencyLevel.STRONG).build();
    }

    /**
     * One page of a keyset scan: up to {@code pageSize} entities matching {@code filter} (all when
     * null) whose object_id sorts after {@code after} (from the start when null), in object_id order.
     */
    QueryReq scanPage(MilvusCollection collection, String filter, String after, List<String> outputFields,
            int pageSize) {
        String expression = MilvusExpressions.and(filter, after == null ? null : MilvusExpressions.idAfter(after));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("iterator", "True");
        params.put("reduce_stop_for_best", "False");
        return QueryReq.builder().collectionName(collection.name())
                .filter(expression == null ? MilvusExpressions.TRUE : expression).outputFields(outputFields)
                .limit(pageSize).queryParams(params).consistencyLevel(ConsistencyLevel.STRONG).build();
    }

    QueryReq count(MilvusCollection collection) {
        return QueryReq.builder().collectionName(collection.name()).filter("").outputFields(List.of(COUNT))
                .consistencyLevel(ConsistencyLevel.STRONG).build();
    }

    /**
     * The {@code limit} nearest entities to {@code vector} on {@code field} by the index metric,
     * among those matching {@code filter} (Milvus filters before the cut).
     */
    SearchReq search(MilvusCollection collection, String field, float[] vector, int limit, String filter,
            List<String> outputFields) {
        SearchReq.SearchReqBuilder builder = SearchReq.builder().collectionName(collection.name()).annsField(field)
                .data(List.<BaseVector>of(new FloatVec(vector))).limit(limit).outputFields(outputFields)
                .metricType(metricType(settings.metric())).consistencyLevel(ConsistencyLevel.STRONG);
        if (filter != null) {
            builder.filter(filter);
        }
        if (settings.indexType().equals("HNSW")) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("ef", Math.max(limit, HNSW_MIN_EF));
            builder.searchParams(params);
        }
        return builder.build();
    }

    private IndexParam vectorIndex(String field) {
        IndexParam.IndexParamBuilder builder = IndexParam.builder().fieldName(field)
                .indexType(IndexParam.IndexType.valueOf(settings.indexType())).metricType(metricType(settings.metric()));
        if (settings.indexType().equals("HNSW")) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("M", HNSW_M);
            params.put("efConstruction", HNSW_EF_CONSTRUCTION);
            builder.extraParams(params);
        }
        return builder.build();
    }
}
