package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.query.Expr;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.support.EpochNumbers;
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
 * without exact float64 form compiles to empty and the backend evaluates it another way.
 */
final class PineconeFilters {

    private final ObjectMapper json;

    PineconeFilters(ObjectMapper json) {
        this.json = json;
    }

    Optional<PineconeFilter> compile(Expr filter, PineconePart part) {
        try {
            return Optional.of(expr(filter, part));
        } catch (Inexpressible e) {
            return Optional.empty();
        }
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
        return combine(List.of(left, right), true);
    }

    private PineconeFilter expr(Expr expr, PineconePart part) {
        if (expr instanceof Expr.And and) {
            return combine(children(and.children(), part), true);
        }
        if (expr instanceof Expr.Or or) {
            return combine(children(or.children(), part), false);
        }
        if (expr instanceof Expr.Not) {
            throw new Inexpressible();
        }
        return leaf((Expr.Leaf) expr, part);
    }

    private List<PineconeFilter> children(List<Expr> children, PineconePart part) {
        List<PineconeFilter> out = new ArrayList<>(children.size());
        for (Expr child : children) {
            out.add(expr(child, part));
        }
        return out;
    }

    private PineconeFilter combine(List<PineconeFilter> filters, boolean conjunction) {
        ArrayNode parts = json.createArrayNode();
        for (PineconeFilter filter : filters) {
            if (filter.none() && conjunction || filter.all() && !conjunction) {
                return filter;
            }
            if (filter.node() != null) {
                parts.add(filter.node());
            }
        }
        if (parts.isEmpty()) {
            return conjunction ? PineconeFilter.ALL : PineconeFilter.NONE;
        }
        if (parts.size() == 1) {
            return PineconeFilter.of((ObjectNode) parts.get(0));
        }
        ObjectNode node = json.createObjectNode();
        node.set(conjunction ? "$and" : "$or", parts);
        return PineconeFilter.of(node);
    }

    private PineconeFilter leaf(Expr.Leaf leaf, PineconePart part) {
        DType dtype = part.dtype(leaf.field());
        if (dtype == null) {
            throw new Inexpressible();
        }
        switch (leaf.op()) {
            case EQ:
                return PineconeFilter.of(condition(leaf.field(), "$eq", literal(dtype, leaf.value())));
            case IN:
                if (!(leaf.value() instanceof List<?> values)) {
                    throw new Inexpressible();
                }
                if (values.isEmpty()) {
                    return PineconeFilter.NONE;
                }
                if (dtype.kind() == DType.Kind.BOOLEAN) {
                    List<PineconeFilter> terms = new ArrayList<>();
                    for (Object value : values) {
                        terms.add(PineconeFilter.of(condition(leaf.field(), "$eq", literal(dtype, value))));
                    }
                    return combine(terms, false);
                }
                ArrayNode list = json.createArrayNode();
                for (Object value : values) {
                    list.add(literal(dtype, value));
                }
                return PineconeFilter.of(condition(leaf.field(), "$in", list));
            case LT:
            case LTE:
            case GT:
            case GTE:
                if (!isNumeric(dtype)) {
                    throw new Inexpressible();
                }
                return PineconeFilter.of(condition(leaf.field(), "$" + leaf.op().id(), literal(dtype, leaf.value())));
            case ARRAY_CONTAINS:
                if (dtype.kind() != DType.Kind.ARRAY || leaf.value() == null) {
                    throw new Inexpressible();
                }
                ArrayNode element = json.createArrayNode();
                element.add(PineconeRecords.element(dtype.element(), leaf.value()));
                return PineconeFilter.of(condition(leaf.field(), "$in", element));
            default:
                throw new Inexpressible();
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

    private JsonNode literal(DType dtype, Object value) {
        if (value == null) {
            throw new Inexpressible();
        }
        switch (dtype.kind()) {
            case INTEGER:
                if (!(value instanceof Long || value instanceof Integer)) {
                    throw new Inexpressible();
                }
                return json.getNodeFactory().numberNode(exact(((Number) value).longValue()));
            case FLOAT:
                if (!(value instanceof Number number)) {
                    throw new Inexpressible();
                }
                if (value instanceof Long || value instanceof Integer) {
                    return json.getNodeFactory().numberNode((double) exact(number.longValue()));
                }
                return json.getNodeFactory().numberNode(number.doubleValue());
            case BOOLEAN:
                if (!(value instanceof Boolean flag)) {
                    throw new Inexpressible();
                }
                return json.getNodeFactory().booleanNode(flag);
            case TIMESTAMP:
            case DATE:
                // Epoch days stay far inside the exact range, so exact() only ever refuses instants.
                long number = EpochNumbers.exactNumber(dtype.kind(), value).orElseThrow(Inexpressible::new);
                return json.getNodeFactory().numberNode(exact(number));
            default:
                if (!(value instanceof String text) || !dtype.kind().isStringValued()) {
                    throw new Inexpressible();
                }
                return json.getNodeFactory().textNode(text);
        }
    }

    private static long exact(long value) {
        if (value > PineconeRecords.MAX_EXACT || value < -PineconeRecords.MAX_EXACT) {
            throw new Inexpressible();
        }
        return value;
    }

    /** A filter part without an exact Pinecone spelling. */
    private static final class Inexpressible extends RuntimeException {
        Inexpressible() {
            super(null, null, false, false);
        }
    }
}
