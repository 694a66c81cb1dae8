package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An entity part with one field of every type Pinecone stores, and configurations. */
final class PineconeFixtures {

    static final String API_KEY = "pc-secret-key-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    private PineconeFixtures() {
    }

    /** Entity {@code doc-part}: a field of every storable kind and a Vector[3] {@code embedding}. */
    static EntityLayout layout() {
        List<StoredField> fields = new ArrayList<>();
        fields.add(inline("title", "ShortText"));
        fields.add(inline("qty", "Integer"));
        fields.add(inline("price", "Float"));
        fields.add(inline("active", "Boolean"));
        fields.add(inline("color", "Categorical[red,green,blue]"));
        fields.add(inline("created", "Timestamp"));
        fields.add(inline("day", "Date"));
        fields.add(inline("tags", "Array[ShortText]"));
        fields.add(inline("sizes", "Array[Float]"));
        fields.add(inline("meta", "Json"));
        fields.add(inline("links", "HyperG"));
        fields.add(inline("blob", "Artifact"));
        fields.add(new StoredField("embedding", DType.parse("Vector[3]"), Strategy.VECTOR_INDEX));
        return new EntityLayout("doc-part", fields);
    }

    static PineconePart part() {
        return PineconePart.of("vec", "hb_", layout());
    }

    static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }

    /** The backend config of {@code vec}: index {@code docs}, the given extra keys. */
    static BackendConfig config(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("type", "pinecone");
        values.put("index", "docs");
        values.put("prefix", "hb_");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new BackendConfig("vec", values);
    }

    /** The control-plane description of index {@code docs} served at {@code host}. */
    static String description(String host, int dimension, String metric) {
        return "{\"name\":\"docs\",\"dimension\":" + dimension + ",\"metric\":\"" + metric + "\",\"host\":\"" + host
                + "\",\"status\":{\"ready\":true,\"state\":\"Ready\"},\"vector_type\":\"dense\"}";
    }
}
