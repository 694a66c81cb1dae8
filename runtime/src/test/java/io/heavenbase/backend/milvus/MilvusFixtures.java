package io.heavenbase.backend.milvus;

import io.heavenbase.Metric;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An entity part with one field of every type Milvus stores, and builders for canned answers. */
final class MilvusFixtures {

    static final String TOKEN = "s3cr3t-token-value";

    private MilvusFixtures() {
    }

    static MilvusSettings settings() {
        return new MilvusSettings("vec", "http://127.0.0.1:19530", TOKEN, "", "hb_", Metric.COSINE, "HNSW");
    }

    static MilvusSettings settings(Metric metric, String indexType) {
        return new MilvusSettings("vec", "http://127.0.0.1:19530", TOKEN, "", "hb_", metric, indexType);
    }

    /** Entity {@code doc-part}: title, body, qty, price, active, color, created, day, tags, sizes, meta, links, embedding. */
    static EntityLayout layout() {
        List<StoredField> fields = new ArrayList<>();
        fields.add(inline("title", "ShortText"));
        fields.add(inline("body", "LongText"));
        fields.add(inline("qty", "Integer"));
        fields.add(inline("price", "Float"));
        fields.add(inline("active", "Boolean"));
        fields.add(inline("color", "Categorical[red,green,blue]"));
        fields.add(inline("created", "Timestamp"));
        fields.add(inline("day", "Date"));
        fields.add(inline("tags", "Array[ShortText]"));
        fields.add(inline("sizes", "Array[Integer]"));
        fields.add(inline("meta", "Json"));
        fields.add(inline("links", "HyperG"));
        fields.add(new StoredField("embedding", DType.parse("Vector[3]"), Strategy.VECTOR_INDEX));
        return new EntityLayout("doc-part", fields);
    }

    /** Entity {@code plain}: only a title, no vector. */
    static EntityLayout scalarLayout() {
        return new EntityLayout("plain", List.of(inline("title", "ShortText")));
    }

    static MilvusCollection collection() {
        return MilvusCollection.of("vec", "hb_", layout());
    }

    static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }

    /** A Milvus entity as the SDK returns it: object_id, embedding as List<Float>, presence flag. */
    static Map<String, Object> entity(String id, float... embedding) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("object_id", id);
        List<Float> values = new ArrayList<>();
        for (float component : embedding) {
            values.add(component);
        }
        entity.put("embedding", values);
        entity.put("_hb_has_embedding", true);
        return entity;
    }

    static SearchResp.SearchResult hit(String id, float score, float... embedding) {
        Map<String, Object> entity = entity(id, embedding);
        entity.remove("object_id");
        return SearchResp.SearchResult.builder().id(id).score(score).entity(entity).primaryKey("object_id").build();
    }
}
