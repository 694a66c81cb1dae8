package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.query.Expr;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.EpochNumbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
 * re-checks the rows it gets with the Evaluator. Any leaf the translator does not know exactly is
 * handled the same way, so a translation is never narrower than the filter.
 */
final class WhereTranslator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Chroma stores doubles; integers up to 2^53 convert to one exactly. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private final EntityLayout layout;

    /**
     * A clause (null: every record), whether it selects exactly the filter's rows (otherwise a
     * superset), and whether it is known to select nothing.
     */
    record Where(JsonNode clause, boolean exact, boolean none) {

        static final Where ALL = new Where(null, true, false);
        static final Where NONE = new Where(null, true, true);

        static Where clause(JsonNode clause) {
            return new Where(clause, true, false);
        }

        Where inexact() {
            return new Where(clause, false, none);
        }

        boolean all() {
            return clause == null && !none;
        }
    }

    WhereTranslator(EntityLayout layout) {
        this.layout = layout;
    }

    /** The clause for {@code filter}; {@link Where#ALL} for a null filter. */
    Where translate(Expr filter) {
        return filter == null ? Where.ALL : translate(filter, false);
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

    private Where translate(Expr expr, boolean negated) {
        if (expr instanceof Expr.Not) {
            return translate(((Expr.Not) expr).child(), !negated);
        }
        if (expr instanceof Expr.And) {
            List<Expr> children = ((Expr.And) expr).children();
            return negated ? anyOf(children, true) : allOf(children, false);
        }
        if (expr instanceof Expr.Or) {
            List<Expr> children = ((Expr.Or) expr).children();
            return negated ? allOf(children, true) : anyOf(children, false);
        }
        return leaf((Expr.Leaf) expr, negated);
    }

    private Where allOf(List<Expr> children, boolean negated) {
        List<JsonNode> clauses = new ArrayList<>();
        boolean exact = true;
        for (Expr child : children) {
            Where part = translate(child, negated);
            if (part.none()) {
                return Where.NONE;
            }
            exact &= part.exact();
            if (part.clause() != null) {
                clauses.add(part.clause());
            }
        }
        Where combined = combine("$and", clauses, Where.ALL);
        return exact ? combined : combined.inexact();
    }

    private Where anyOf(List<Expr> children, boolean negated) {
        List<JsonNode> clauses = new ArrayList<>();
        boolean exact = true;
        for (Expr child : children) {
            Where part = translate(child, negated);
            if (part.all()) {
                return part;
            }
            exact &= part.exact();
            if (!part.none()) {
                clauses.add(part.clause());
            }
        }
        Where combined = combine("$or", clauses, Where.NONE);
        return exact ? combined : combined.inexact();
    }

    private static Where combine(String operator, List<JsonNode> clauses, Where whenEmpty) {
        if (clauses.isEmpty()) {
            return whenEmpty;
        }
        if (clauses.size() == 1) {
            return Where.clause(clauses.get(0));
        }
        ObjectNode node = NODES.objectNode();
        ArrayNode array = node.putArray(operator);
        clauses.forEach(array::add);
        return Where.clause(node);
    }

    private Where leaf(Expr.Leaf leaf, boolean negated) {
        String key;
        DType dtype;
        if (leaf.field().equals(Names.OBJECT_ID)) {
            key = MetadataCodec.ID_KEY;
            dtype = DType.IDENTIFIER;
        } else {
            StoredField field = layout.field(leaf.field());
            if (field == null) {
                return Where.ALL.inexact();
            }
            key = field.name();
            dtype = field.dtype();
        }
        switch (leaf.op()) {
            case EQ:
                return equality(key, dtype, leaf.value(), negated);
            case NE:
                return equality(key, dtype, leaf.value(), !negated);
            case IN:
                return membership(key, dtype, leaf.value(), negated);
            case NIN:
                return membership(key, dtype, leaf.value(), !negated);
            case LT:
                return range(key, dtype, "$lt", leaf.value(), negated);
            case LTE:
                return range(key, dtype, "$lte", leaf.value(), negated);
            case GT:
                return range(key, dtype, "$gt", leaf.value(), negated);
            case GTE:
                return range(key, dtype, "$gte", leaf.value(), negated);
            default:
                return Where.ALL.inexact();
        }
    }

    /** {@code eq} ({@code different} false) or {@code ne}; a null value: eq nothing, ne everything. */
    private static Where equality(String key, DType dtype, Object value, boolean different) {
        if (value == null) {
            return different ? Where.ALL : Where.NONE;
        }
        JsonNode operand = operand(dtype, value);
        if (operand == null) {
            return Where.ALL.inexact();
        }
        return Where.clause(condition(key, different ? "$ne" : "$eq", operand));
    }

    /** {@code in} ({@code excluded} false) or {@code nin}; null list elements never match. */
    private static Where membership(String key, DType dtype, Object values, boolean excluded) {
        if (!(values instanceof Collection)) {
            return Where.ALL.inexact();
        }
        ArrayNode operands = NODES.arrayNode();
        for (Object value : (Collection<?>) values) {
            if (value != null) {
                JsonNode operand = operand(dtype, value);
                if (operand == null) {
                    return Where.ALL.inexact();
                }
                operands.add(operand);
            }
        }
        if (operands.isEmpty()) {
            return excluded ? Where.ALL : Where.NONE;
        }
        return Where.clause(condition(key, excluded ? "$nin" : "$in", operands));
    }

    private static Where range(String key, DType dtype, String operator, Object value, boolean negated) {
        Kind kind = dtype.kind();
        boolean numeric = kind == Kind.INTEGER || kind == Kind.FLOAT || kind == Kind.TIMESTAMP || kind == Kind.DATE;
        JsonNode operand = numeric && value != null ? operand(dtype, value) : null;
        if (negated || operand == null) {
            return Where.ALL.inexact();
        }
        return Where.clause(condition(key, operator, operand));
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
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? NODES.numberNode(number) : null;
        }
        if (value instanceof Long || value instanceof Integer) {
            long number = ((Number) value).longValue();
            return Math.abs(number) <= EXACT_DOUBLE_LIMIT ? NODES.numberNode((double) number) : null;
        }
        return null;
    }
}
