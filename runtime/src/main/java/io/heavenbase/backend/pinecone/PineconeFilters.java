package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.support.EpochNumbers;
import io.heavenbase.spi.support.FilterTranslator;
import io.heavenbase.spi.support.Float64;
import io.heavenbase.spi.support.MongoStyleTranslator;
import io.heavenbase.spi.support.Translation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a filter into a Pinecone metadata filter with exactly the engine's semantics. Only
 * operators whose Pinecone meaning is certain for missing keys are written: {@code $eq},
 * {@code $in} and the numeric ranges never match a record without the key, which is the engine's
 * answer for a null. {@code not} has no Pinecone counterpart (and {@code $ne}/{@code $nin} may or
 * may not match missing keys), so a filter containing a negation, an unknown field or a value
 * without exact float64 form compiles to empty and the backend evaluates it another way. The
 * recursion, the push-down of negations and the null policy are {@link FilterTranslator}'s.
 */
final class PineconeFilters {

    private final ObjectMapper json;

    PineconeFilters(ObjectMapper json) {
        this.json = json;
    }

    /** The metadata filter for {@code filter} on {@code part}, or empty when it has no exact Pinecone spelling. */
    Optional<PineconeFilter> compile(Expr filter, PineconePart part) {
        Translation<ObjectNode> translation = new Translator(part).translate(filter);
        if (!translation.exact()) {
            return Optional.empty();
        }
        return Optional.of(translation.none() ? PineconeFilter.NONE
                : translation.all() ? PineconeFilter.ALL : PineconeFilter.of(translation.filter()));
    }

    /** {@code {"object_id": {"$in": ids}}} (nothing for no ids). */
    PineconeFilter idIn(Collection<String> ids) {
        if (ids.isEmpty()) {
            return PineconeFilter.NONE;
        }
        ArrayNode values = json.createArrayNode();
        ids.forEach(values::add);
        return PineconeFilter.of(condition(Names.OBJECT_ID, "$in", values));
    }

    /** {@code {"key": {"$eq": value}}} on a backend flag. */
    PineconeFilter flag(String key, boolean value) {
        return PineconeFilter.of(condition(key, "$eq", json.getNodeFactory().booleanNode(value)));
    }

    /** Both filters. */
    PineconeFilter and(PineconeFilter left, PineconeFilter right) {
        if (left.none() || right.all()) {
            return left;
        }
        if (right.none() || left.all()) {
            return right;
        }
        return PineconeFilter.of(MongoStyleTranslator.junction("$and", List.of(left.node(), right.node())));
    }

    /**
     * Pinecone's spelling of each node. Pinecone has no {@code $not}, so {@link FilterTranslator} pushes negations
     * down, and a negated leaf has no certain spelling (its negation would have to match missing keys).
     */
    private final class Translator extends MongoStyleTranslator {

        private final PineconePart part;

        Translator(PineconePart part) {
            this.part = part;
        }

        @Override
        protected Translation<ObjectNode> comparison(Expr.Leaf leaf, boolean negated) {
            DType dtype = part.dtype(leaf.field());
            if (negated || dtype == null) {
                return Translation.superset();
            }
            switch (leaf.op()) {
                case EQ:
                    return Translation.of(condition(leaf.field(), "$eq", literal(dtype, leaf.value())));
                case LT:
                case LTE:
                case GT:
                case GTE:
                    if (!isNumeric(dtype)) {
                        return Translation.superset();
                    }
                    return Translation.of(condition(leaf.field(), "$" + leaf.op().id(), literal(dtype, leaf.value())));
                default:
                    return Translation.superset();
            }
        }

        @Override
        protected Translation<ObjectNode> membership(Expr.Leaf leaf, List<?> values, boolean negated) {
            DType dtype = part.dtype(leaf.field());
            if (negated || dtype == null || leaf.op() != Op.IN) {
                return Translation.superset();
            }
            if (dtype.kind() == DType.Kind.BOOLEAN) {
                List<ObjectNode> terms = new ArrayList<>();
                for (Object value : values) {
                    terms.add(condition(leaf.field(), "$eq", literal(dtype, value)));
                }
                return Translation.of(or(terms));
            }
            ArrayNode list = json.createArrayNode();
            for (Object value : values) {
                list.add(literal(dtype, value));
            }
            return Translation.of(condition(leaf.field(), "$in", list));
        }

        @Override
        protected Translation<ObjectNode> arrayContains(Expr.Leaf leaf, boolean negated) {
            DType dtype = part.dtype(leaf.field());
            if (negated || dtype == null || dtype.kind() != DType.Kind.ARRAY || leaf.value() == null) {
                return Translation.superset();
            }
            ArrayNode element = json.createArrayNode();
            element.add(PineconeRecords.element(dtype.element(), leaf.value()));
            return Translation.of(condition(leaf.field(), "$in", element));
        }

        private JsonNode literal(DType dtype, Object value) {
            switch (dtype.kind()) {
                case INTEGER:
                    if (!(value instanceof Long || value instanceof Integer)) {
                        throw inexpressible();
                    }
                    return json.getNodeFactory().numberNode(exact(((Number) value).longValue()));
                case FLOAT:
                    return json.getNodeFactory().numberNode(
                            Float64.exact(value).orElseThrow(FilterTranslator::inexpressible));
                case BOOLEAN:
                    if (!(value instanceof Boolean flag)) {
                        throw inexpressible();
                    }
                    return json.getNodeFactory().booleanNode(flag);
                case TIMESTAMP:
                case DATE:
                    // Epoch days stay far inside the exact range, so exact() only ever refuses instants.
                    long number = EpochNumbers.exactNumber(dtype.kind(), value)
                            .orElseThrow(FilterTranslator::inexpressible);
                    return json.getNodeFactory().numberNode(exact(number));
                default:
                    if (!(value instanceof String text) || !dtype.kind().isStringValued()) {
                        throw inexpressible();
                    }
                    return json.getNodeFactory().textNode(text);
            }
        }

        private static long exact(long value) {
            if (!Float64.holds(value)) {
                throw inexpressible();
            }
            return value;
        }
    }

    private ObjectNode condition(String field, String operator, JsonNode value) {
        ObjectNode node = json.createObjectNode();
        node.putObject(field).set(operator, value);
        return node;
    }

    private static boolean isNumeric(DType dtype) {
        DType.Kind kind = dtype.kind();
        return kind == DType.Kind.INTEGER || kind == DType.Kind.FLOAT || kind == DType.Kind.TIMESTAMP
                || kind == DType.Kind.DATE;
    }
}
