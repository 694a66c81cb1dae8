package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.List;

/**
 * Sort clauses with the engine's order ({@link io.heavenbase.query.ValueOrder}): keywords sort by
 * UTF-8 bytes, which is code-point order; nulls last ascending and first descending; ties by
 * {@code object_id}. Float keys sort through a script that folds {@code -0.0} into {@code 0.0},
 * which the engine holds equal; long keys (Integer, Timestamp, Date) sort by presence first, since
 * the server stands in {@code Long.MAX_VALUE} for a missing long.
 */
final class SortClauses {

    private static final String FLOAT_KEY = "def values = doc[params.field]; "
            + "return values.size() == 0 ? Double.POSITIVE_INFINITY : values.value + 0.0;";

    /** 0 for a value, 1 for none: ascending puts nulls last, descending first. */
    private static final String ABSENT_FIRST_WHEN_DESCENDING = "doc[params.field].size() == 0 ? 1 : 0";

    private SortClauses() {
    }

    /** {@code order} then object_id ascending. */
    static ArrayNode of(List<SortKey> order, EntityLayout layout) {
        ArrayNode sort = SearchClient.JSON.createArrayNode();
        for (SortKey key : order) {
            StoredField field = layout.field(key.field());
            String direction = key.descending() ? "desc" : "asc";
            if (field == null && key.field().equals(DocumentCodec.OBJECT_ID)) {
                // The keyword every document has; unique, so the keys after it cannot matter.
                sort.addObject().putObject(DocumentCodec.OBJECT_ID).put("order", direction);
                continue;
            }
            if (field == null) {
                throw new IllegalArgumentException("cannot order by '" + key.field() + "': not stored in this index");
            }
            Kind kind = field.dtype().kind();
            if (kind == Kind.FLOAT) {
                sort.add(script(FLOAT_KEY, direction, "field", field.name()));
            } else if (kind == Kind.INTEGER || kind == Kind.TIMESTAMP || kind == Kind.DATE) {
                // A missing long sorts as Long.MAX_VALUE (or MIN_VALUE), tying with a real value: rank presence first.
                sort.add(script(ABSENT_FIRST_WHEN_DESCENDING, direction, "field", field.name()));
                sort.addObject().putObject(field.name()).put("order", direction);
            } else {
                ObjectNode clause = sort.addObject().putObject(field.name());
                clause.put("order", direction).put("missing", key.descending() ? "_first" : "_last");
            }
        }
        sort.addObject().putObject(DocumentCodec.OBJECT_ID).put("order", "asc");
        return sort;
    }

    private static ObjectNode script(String source, String direction, String param, String value) {
        ObjectNode clause = SearchClient.object();
        ObjectNode body = clause.putObject("_script");
        body.put("type", "number").put("order", direction);
        ObjectNode script = body.putObject("script");
        script.put("lang", "painless").put("source", source);
        script.putObject("params").put(param, value);
        return clause;
    }
}
