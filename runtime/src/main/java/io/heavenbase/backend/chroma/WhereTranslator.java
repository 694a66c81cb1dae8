package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.EpochNumbers;
import io.heavenbase.spi.support.FilterTranslator;
import io.heavenbase.spi.support.Float64;
import io.heavenbase.spi.support.MongoStyleTranslator;
import io.heavenbase.spi.support.Translation;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Translates a filter into a Chroma {@code where} clause with the engine's two-valued semantics
 * ({@link io.heavenbase.query.Evaluator}), pushing {@code Not} down to the leaves.
 *
 * <p>What the Chroma 1.0 server does, checked against it by the tests: {@code $eq $ne $in $nin}
 * compare strings exactly and numbers numerically (an integer equals the same double);
 * {@code $ne} and {@code $nin} also match records that lack the key, which is exactly how
 * {@code ne} and {@code nin} treat a null; {@code $gt $gte $lt $lte} work on numbers only (on a
 * string the server rejects the clause); an empty {@code $in} list is rejected, as is a list
 * mixing integers and doubles; there is no {@code $not} and no way to ask for a missing key.
 *
 * <p>So {@code not eq} is {@code $ne} (and back), {@code not in} is {@code $nin} (and back), and
 * a range leaf is exact on Integer, Float, Timestamp (epoch millis) and Date (epoch days). The
 * negation of a range leaf ("null or not below") cannot be written: the translation then is a
 * superset (the clause without that leaf) and {@link Where#exact()} is false, and the backend
 * re-checks the rows it gets with the Evaluator. The recursion, the push-down and the null policy
 * are {@link FilterTranslator}'s; this class writes Chroma's operators. Any leaf the translator does not know exactly is
 * handled the same way, so a translation is never narrower than the filter.
 */
final class WhereTranslator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Clauses clauses;

    /**
     * A clause (null: every record), whether it selects exactly the filter's rows (otherwise a
     * superset), and whether it is known to select nothing.
     */
    record Where(JsonNode clause, boolean exact, boolean none) {

        static Where of(Translation<ObjectNode> translation) {
            return new Where(translation.filter(), translation.exact(), translation.none());
        }

        boolean all() {
            return clause == null && !none;
        }
    }

    /** A filter field as Chroma keeps it: its metadata key and type. */
    private record Key(String name, DType dtype) {
    }

    WhereTranslator(EntityLayout layout) {
        this.clauses = new Clauses(layout);
    }

    /** The clause for {@code filter}; every record for a null filter. */
    Where translate(Expr filter) {
        return Where.of(clauses.translate(filter));
    }

    /** Both clauses must hold (either may be null: no restriction). */
    static JsonNode and(JsonNode left, JsonNode right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        ObjectNode and = NODES.objectNode();
        and.putArray("$and").add(left).add(right);
        return and;
    }

    /** Chroma's spelling of each node; {@link FilterTranslator} pushes negations down (Chroma has no {@code $not}). */
    private static final class Clauses extends MongoStyleTranslator {

        private final EntityLayout layout;

        Clauses(EntityLayout layout) {
            this.layout = layout;
        }

        @Override
        protected Translation<ObjectNode> comparison(Expr.Leaf leaf, boolean negated) {
            Key key = key(leaf);
            if (key == null) {
                return Translation.superset();
            }
            switch (leaf.op()) {
                case EQ:
                    return equality(key.name(), key.dtype(), leaf.value(), negated);
                case NE:
                    return equality(key.name(), key.dtype(), leaf.value(), !negated);
                case LT:
                    return range(key.name(), key.dtype(), "$lt", leaf.value(), negated);
                case LTE:
                    return range(key.name(), key.dtype(), "$lte", leaf.value(), negated);
                case GT:
                    return range(key.name(), key.dtype(), "$gt", leaf.value(), negated);
                default:
                    return range(key.name(), key.dtype(), "$gte", leaf.value(), negated);
            }
        }

        @Override
        protected Translation<ObjectNode> membership(Expr.Leaf leaf, List<?> values, boolean negated) {
            Key key = key(leaf);
            if (key == null) {
                return Translation.superset();
            }
            return inList(key.name(), key.dtype(), values, leaf.op() == Op.NIN != negated);
        }

        /** The metadata key and type of the leaf's field; null when the layout does not hold it. */
        private Key key(Expr.Leaf leaf) {
            if (leaf.field().equals(Names.OBJECT_ID)) {
                return new Key(MetadataCodec.ID_KEY, DType.IDENTIFIER);
            }
            StoredField field = layout.field(leaf.field());
            return field == null ? null : new Key(field.name(), field.dtype());
        }
    }

    /** {@code eq} ({@code different} false) or {@code ne}. */
    private static Translation<ObjectNode> equality(String key, DType dtype, Object value, boolean different) {
        JsonNode operand = operand(dtype, value);
        if (operand == null) {
            return Translation.superset();
        }
        return Translation.of(condition(key, different ? "$ne" : "$eq", operand));
    }

    /** {@code in} ({@code excluded} false) or {@code nin} of non-null values. */
    private static Translation<ObjectNode> inList(String key, DType dtype, List<?> values, boolean excluded) {
        ArrayNode operands = NODES.arrayNode();
        for (Object value : values) {
            JsonNode operand = operand(dtype, value);
            if (operand == null) {
                return Translation.superset();
            }
            operands.add(operand);
        }
        return Translation.of(condition(key, excluded ? "$nin" : "$in", operands));
    }

    private static Translation<ObjectNode> range(String key, DType dtype, String operator, Object value,
            boolean negated) {
        Kind kind = dtype.kind();
        boolean numeric = kind == Kind.INTEGER || kind == Kind.FLOAT || kind == Kind.TIMESTAMP || kind == Kind.DATE;
        JsonNode operand = numeric ? operand(dtype, value) : null;
        if (negated || operand == null) {
            return Translation.superset();
        }
        return Translation.of(condition(key, operator, operand));
    }

    private static ObjectNode condition(String key, String operator, JsonNode operand) {
        ObjectNode node = NODES.objectNode();
        node.putObject(key).set(operator, operand);
        return node;
    }

    /**
     * The metadata value a comparison with {@code value} needs, encoded like {@link MetadataCodec}
     * stores the field; null when there is no exact encoding (the leaf is then re-checked).
     */
    private static JsonNode operand(DType dtype, Object value) {
        Kind kind = dtype.kind();
        if (kind.isStringValued()) {
            return value instanceof String ? NODES.textNode((String) value) : null;
        }
        switch (kind) {
            case INTEGER:
                return value instanceof Long || value instanceof Integer
                        ? NODES.numberNode(((Number) value).longValue()) : null;
            case FLOAT:
                return asDouble(value);
            case BOOLEAN:
                return value instanceof Boolean ? NODES.booleanNode((Boolean) value) : null;
            case TIMESTAMP:
            case DATE:
                return EpochNumbers.accepts(kind, value) ? NODES.numberNode(EpochNumbers.toNumber(kind, value)) : null;
            default:
                return null;
        }
    }

    private static JsonNode asDouble(Object value) {
        OptionalDouble number = Float64.exact(value);
        return number.isPresent() && Double.isFinite(number.getAsDouble()) ? NODES.numberNode(number.getAsDouble())
                : null;
    }
}
