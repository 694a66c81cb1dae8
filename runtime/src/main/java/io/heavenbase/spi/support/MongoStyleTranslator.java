package io.heavenbase.spi.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A {@link FilterTranslator} for a Mongo-style JSON filter language without {@code $not} (Chroma's {@code where},
 * Pinecone's metadata filter): negations are pushed down to the leaves, and a conjunction or disjunction is
 * {@code {"$and": [...]}} or {@code {"$or": [...]}}, a single part standing as it is. The backend writes the leaves.
 */
public abstract class MongoStyleTranslator extends FilterTranslator<ObjectNode> {

    /** A translator that pushes negations down to the leaves. */
    protected MongoStyleTranslator() {
        super(false);
    }

    @Override
    protected final ObjectNode and(List<ObjectNode> parts) {
        return junction("$and", parts);
    }

    @Override
    protected final ObjectNode or(List<ObjectNode> parts) {
        return junction("$or", parts);
    }

    /**
     * One part as it is, several under {@code operator}.
     *
     * @param operator {@code $and} or {@code $or}
     * @param parts at least one filter
     * @return the junction
     */
    public static ObjectNode junction(String operator, List<ObjectNode> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode array = node.putArray(operator);
        parts.forEach(array::add);
        return node;
    }
}
