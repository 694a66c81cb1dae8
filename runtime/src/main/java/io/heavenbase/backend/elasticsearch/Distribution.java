package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The server family, read from {@code GET /}: they differ in how vectors are mapped and read from
 * doc values in scripts. Everything else the backend sends is common to both.
 */
enum Distribution {

    /** OpenSearch with the k-NN plugin: {@code knn_vector} fields (HNSW graph, lucene engine). */
    OPENSEARCH {
        @Override
        ObjectNode vectorMapping(int dimension) {
            ObjectNode field = SearchClient.object().put("type", "knn_vector").put("dimension", dimension);
            // l2 accepts every vector (the cosine space rejects all-zero ones); near queries score exactly anyway.
            field.putObject("method").put("name", "hnsw").put("engine", "lucene").put("space_type", "l2");
            return field;
        }

        @Override
        String vectorAccess() {
            return "(float[]) doc[params.field].getValue()";
        }

        @Override
        void addIndexSettings(ObjectNode index) {
            index.put("knn", true);
        }
    },

    /** Elasticsearch 8 or later: {@code dense_vector} fields. */
    ELASTICSEARCH {
        @Override
        ObjectNode vectorMapping(int dimension) {
            return SearchClient.object().put("type", "dense_vector").put("dims", dimension).put("index", true)
                    .put("similarity", "l2_norm");
        }

        @Override
        String vectorAccess() {
            return "doc[params.field].vectorValue";
        }

        @Override
        void addIndexSettings(ObjectNode index) {
            // dense_vector needs no index-level setting.
        }
    };

    /** The mapping of a {@code Vector[dimension]} field. */
    abstract ObjectNode vectorMapping(int dimension);

    /** A painless expression giving the {@code float[]} of the vector field named by {@code params.field}. */
    abstract String vectorAccess();

    /** Adds the index settings vector fields need. */
    abstract void addIndexSettings(ObjectNode index);

    /** The distribution answering {@code GET /} with this body. */
    static Distribution of(JsonNode root) {
        return "opensearch".equals(root.path("version").path("distribution").asText()) ? OPENSEARCH : ELASTICSEARCH;
    }
}
