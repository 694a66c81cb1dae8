package io.heavenbase.backend.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Metric;
import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.utils.SchemaUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The create-collection request generated from an entity part's logical types. */
class MilvusCollectionSchemaTest {

    private final MilvusRequests requests = new MilvusRequests(MilvusFixtures.settings());

    private CreateCollectionReq.FieldSchema field(CreateCollectionReq request, String name) {
        return request.getCollectionSchema().getField(name);
    }

    @Test
    void givenAnEntityPart_whenCreated_thenTheCollectionIsNamedByPrefixAndEntityWithStrongConsistency() {
        CreateCollectionReq request = requests.createCollection(MilvusFixtures.collection());

        assertThat(request.getCollectionName()).isEqualTo("hb_doc_part");
        assertThat(request.getConsistencyLevel()).isEqualTo(ConsistencyLevel.STRONG);
        assertThat(request.getCollectionSchema().isEnableDynamicField()).isFalse();
    }

    @Test
    void givenAnEntityPart_whenCreated_thenObjectIdIsANonNullVarCharPrimaryKeyOf63CodePoints() {
        CreateCollectionReq.FieldSchema key = field(requests.createCollection(MilvusFixtures.collection()), "object_id");

        assertThat(key.getDataType()).isEqualTo(DataType.VarChar);
        assertThat(key.getIsPrimaryKey()).isTrue();
        assertThat(key.getAutoID()).isFalse();
        assertThat(key.getIsNullable()).isFalse();
        assertThat(key.getMaxLength()).isEqualTo(63 * 4);
    }

    @Test
    void givenTextKinds_whenCreated_thenNullableVarCharsSizedInUtf8BytesUpToMilvusMaximum() {
        CreateCollectionReq request = requests.createCollection(MilvusFixtures.collection());

        assertThat(field(request, "title").getDataType()).isEqualTo(DataType.VarChar);
        assertThat(field(request, "title").getMaxLength()).isEqualTo(255 * 4);
        assertThat(field(request, "title").getIsNullable()).isTrue();
        assertThat(field(request, "body").getMaxLength()).isEqualTo(65535);
        assertThat(field(request, "color").getMaxLength()).isEqualTo("green".length());
    }

    @Test
    void givenScalarKinds_whenCreated_thenNullableInt64DoubleAndBool() {
        CreateCollectionReq request = requests.createCollection(MilvusFixtures.collection());

        assertThat(field(request, "qty").getDataType()).isEqualTo(DataType.Int64);
        assertThat(field(request, "price").getDataType()).isEqualTo(DataType.Double);
        assertThat(field(request, "active").getDataType()).isEqualTo(DataType.Bool);
        assertThat(field(request, "created").getDataType()).isEqualTo(DataType.Int64);
        assertThat(field(request, "day").getDataType()).isEqualTo(DataType.Int64);
        assertThat(List.of("qty", "price", "active", "created", "day"))
                .allSatisfy(name -> assertThat(field(request, name).getIsNullable()).isTrue());
    }

    @Test
    void givenArrays_whenCreated_thenNullableArraysOfTheElementTypeWithCapacity4096() {
        CreateCollectionReq request = requests.createCollection(MilvusFixtures.collection());

        assertThat(field(request, "tags").getDataType()).isEqualTo(DataType.Array);
        assertThat(field(request, "tags").getElementType()).isEqualTo(DataType.VarChar);
        assertThat(field(request, "tags").getMaxLength()).isEqualTo(255 * 4);
        assertThat(field(request, "tags").getMaxCapacity()).isEqualTo(4096);
        assertThat(field(request, "sizes").getElementType()).isEqualTo(DataType.Int64);
        assertThat(field(request, "sizes").getIsNullable()).isTrue();
    }

    @Test
    void givenAVarCharArray_whenConvertedByTheSdkForTheWire_thenTheElementByteLimitIsSent() {
        CreateCollectionReq.FieldSchema tags = field(requests.createCollection(MilvusFixtures.collection()), "tags");

        assertThat(SchemaUtils.convertToGrpcFieldSchema(tags).getTypeParamsList())
                .anySatisfy(param -> {
                    assertThat(param.getKey()).isEqualTo("max_length");
                    assertThat(param.getValue()).isEqualTo("1020");
                });
    }

    @Test
    void givenJsonAndHyperG_whenCreated_thenNullableJsonFields() {
        CreateCollectionReq request = requests.createCollection(MilvusFixtures.collection());

        assertThat(field(request, "meta").getDataType()).isEqualTo(DataType.JSON);
        assertThat(field(request, "links").getDataType()).isEqualTo(DataType.JSON);
        assertThat(field(request, "links").getIsNullable()).isTrue();
    }

    @Test
    void givenAVector_whenCreated_thenAFloatVectorWithAPresenceFlagAndAnHnswIndexOfTheConfiguredMetric() {
        CreateCollectionReq request = requests.createCollection(MilvusFixtures.collection());

        assertThat(field(request, "embedding").getDataType()).isEqualTo(DataType.FloatVector);
        assertThat(field(request, "embedding").getDimension()).isEqualTo(3);
        assertThat(field(request, "embedding").getIsNullable()).isFalse();
        assertThat(field(request, "_hb_has_embedding").getDataType()).isEqualTo(DataType.Bool);
        assertThat(request.getIndexParams()).singleElement().satisfies(index -> {
            assertThat(index.getFieldName()).isEqualTo("embedding");
            assertThat(index.getIndexType()).isEqualTo(IndexParam.IndexType.HNSW);
            assertThat(index.getMetricType()).isEqualTo(IndexParam.MetricType.COSINE);
            assertThat(index.getExtraParams()).isEqualTo(Map.of("M", 16, "efConstruction", 200));
        });
    }

    @Test
    void givenDotMetricAndFlatIndex_whenCreated_thenTheIndexIsFlatInnerProduct() {
        CreateCollectionReq request = new MilvusRequests(MilvusFixtures.settings(Metric.DOT, "FLAT"))
                .createCollection(MilvusFixtures.collection());

        assertThat(request.getIndexParams()).singleElement().satisfies(index -> {
            assertThat(index.getIndexType()).isEqualTo(IndexParam.IndexType.FLAT);
            assertThat(index.getMetricType()).isEqualTo(IndexParam.MetricType.IP);
            assertThat(index.getExtraParams()).isNull();
        });
    }

    @Test
    void givenAPartWithoutVector_whenCreated_thenAPlaceholderVectorWithAFlatIndexIsAdded() {
        CreateCollectionReq request = requests.createCollection(
                MilvusCollection.of("vec", "", MilvusFixtures.scalarLayout()));

        assertThat(request.getCollectionSchema().getFieldSchemaList()).extracting(CreateCollectionReq.FieldSchema::getName)
                .containsExactly("object_id", "title", "_hb_vector");
        assertThat(field(request, "_hb_vector").getDimension()).isEqualTo(2);
        assertThat(request.getIndexParams()).singleElement()
                .satisfies(index -> assertThat(index.getFieldName()).isEqualTo("_hb_vector"));
    }

    @Test
    void givenAnArtifact_whenTheCollectionIsBuilt_thenItIsRefusedNamingFieldAndReason() {
        EntityLayout layout = new EntityLayout("files", List.of(MilvusFixtures.inline("blob", "Artifact")));

        assertThatThrownBy(() -> MilvusCollection.of("vec", "", layout))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("'blob'").hasMessageContaining("binary");
    }

    @Test
    void givenAOneDimensionalVector_whenTheCollectionIsBuilt_thenItIsRefusedWithMilvusRange() {
        EntityLayout layout = new EntityLayout("points",
                List.of(new StoredField("v", DType.parse("Vector[1]"), Strategy.VECTOR_INDEX)));

        assertThatThrownBy(() -> MilvusCollection.of("vec", "", layout))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("2 to 32768");
    }

    @Test
    void givenFieldNamesMilvusReadsAsKeywordsOrReserved_whenTheCollectionIsBuilt_thenTheyAreRefused() {
        for (String name : List.of("like", "AND", "_hb_vector", "_hb_has_x")) {
            EntityLayout layout = new EntityLayout("odd", List.of(MilvusFixtures.inline(name, "ShortText")));

            assertThatThrownBy(() -> MilvusCollection.of("vec", "", layout)).as(name)
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("'" + name + "'");
        }
    }

    @Test
    void givenTheDescriptionOfTheSameCollection_whenCompared_thenThereIsNoDifference() {
        MilvusCollection collection = MilvusFixtures.collection();

        assertThat(MilvusBackend.difference(collection, described(collection))).isNull();
    }

    @Test
    void givenAnExistingCollectionWithAnotherType_whenCompared_thenTheFieldIsNamed() {
        MilvusCollection collection = MilvusFixtures.collection();
        List<CreateCollectionReq.FieldSchema> fields = described(collection);
        fields.stream().filter(f -> f.getName().equals("qty")).findFirst().orElseThrow().setDataType(DataType.Double);

        assertThat(MilvusBackend.difference(collection, fields)).contains("'qty'").contains("Double");
    }

    @Test
    void givenAnExistingCollectionWithAnExtraField_whenCompared_thenTheExtraFieldIsNamed() {
        MilvusCollection other = MilvusCollection.of("vec", "hb_", new EntityLayout("doc-part",
                List.of(MilvusFixtures.inline("title", "ShortText"), MilvusFixtures.inline("extra", "Integer"))));
        MilvusCollection collection = MilvusCollection.of("vec", "hb_",
                new EntityLayout("doc-part", List.of(MilvusFixtures.inline("title", "ShortText"))));

        assertThat(MilvusBackend.difference(collection, described(other))).contains("extra");
    }

    private List<CreateCollectionReq.FieldSchema> described(MilvusCollection collection) {
        return new ArrayList<>(requests.createCollection(collection).getCollectionSchema()
                .getFieldSchemaList());
    }
}
