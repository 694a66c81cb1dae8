package io.heavenbase.backend.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.FilterTranslator;
import io.heavenbase.spi.support.Translation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A filter expression as query DSL with the engine's two-valued semantics (see
 * {@link io.heavenbase.query.Evaluator}). Leaves are false on a missing value, so {@code Not} is a
 * plain {@code must_not}; {@code ne} and {@code nin} are {@code must_not} of {@code eq} and
 * {@code in}, hence true on a missing value; {@code null} tests {@code hb-present}; {@code match}
 * requires every query word among the field's indexed words.
 *
 * <p>The recursion and the null policy are {@link FilterTranslator}'s.
 *
 * <p>Float zero: the index orders {@code -0.0} below {@code 0.0} while the engine holds them equal,
 * so comparisons with a zero are written as ranges that treat both zeros alike.
 */
final class FilterQuery {

    private FilterQuery() {
    }

    /** The query for {@code expr}; every leaf field must be stored in {@code layout}. */
    static ObjectNode of(Expr expr, EntityLayout layout) {
        return new Translator(layout).translate(expr).filter();
    }

    static ObjectNode matchAll() {
        ObjectNode query = SearchClient.object();
        query.putObject("match_all");
        return query;
    }

    static ObjectNode matchNone() {
        ObjectNode query = SearchClient.object();
        query.putObject("match_none");
        return query;
    }

    /** Documents that hold a value for {@code field}. */
    static ObjectNode present(String field) {
        return term(DocumentCodec.PRESENT, SearchClient.JSON.getNodeFactory().textNode(field));
    }

    /** {@code terms} on {@code object_id}, split so no single query exceeds the server's terms limit. */
    static ObjectNode ids(Collection<String> ids) {
        if (ids.isEmpty()) {
            return matchNone();
        }
        List<String> all = new ArrayList<>(ids);
        int chunk = 65_536;
        if (all.size() <= chunk) {
            return terms(DocumentCodec.OBJECT_ID, all);
        }
        ObjectNode bool = SearchClient.object();
        ObjectNode body = bool.putObject("bool");
        ArrayNode should = body.putArray("should");
        for (int from = 0; from < all.size(); from += chunk) {
            should.add(terms(DocumentCodec.OBJECT_ID, all.subList(from, Math.min(all.size(), from + chunk))));
        }
        body.put("minimum_should_match", 1);
        return bool;
    }

    /** Query DSL's spelling of each node; {@code must_not} is exact since every leaf is false on a missing value. */
    private static final class Translator extends FilterTranslator<ObjectNode> {

        private final EntityLayout layout;

        Translator(EntityLayout layout) {
            super(true);
            this.layout = layout;
        }

        @Override
        protected ObjectNode and(List<ObjectNode> parts) {
            ObjectNode bool = SearchClient.object();
            ArrayNode filter = bool.putObject("bool").putArray("filter");
            parts.forEach(filter::add);
            return bool;
        }

        @Override
        protected ObjectNode or(List<ObjectNode> parts) {
            ObjectNode bool = SearchClient.object();
            ObjectNode body = bool.putObject("bool");
            ArrayNode should = body.putArray("should");
            parts.forEach(should::add);
            body.put("minimum_should_match", 1);
            return bool;
        }

        @Override
        protected ObjectNode not(ObjectNode part) {
            return FilterQuery.not(part);
        }

        @Override
        protected Translation<ObjectNode> constant(boolean value) {
            return Translation.of(value ? matchAll() : matchNone());
        }

        @Override
        protected Translation<ObjectNode> comparison(Expr.Leaf leaf, boolean negated) {
            DType dtype = dtype(leaf);
            switch (leaf.op()) {
                case EQ:
                    return Translation.of(eq(leaf.field(), dtype, leaf.value()));
                case NE:
                    return Translation.of(FilterQuery.not(eq(leaf.field(), dtype, leaf.value())));
                default:
                    return Translation.of(range(leaf.field(), dtype, leaf.op(), leaf.value()));
            }
        }

        @Override
        protected Translation<ObjectNode> membership(Expr.Leaf leaf, List<?> values, boolean negated) {
            ObjectNode in = in(leaf.field(), dtype(leaf), values);
            return Translation.of(leaf.op() == Op.IN ? in : FilterQuery.not(in));
        }

        @Override
        protected Translation<ObjectNode> nullTest(Expr.Leaf leaf, boolean isNull) {
            dtype(leaf);
            if (leaf.field().equals(DocumentCodec.OBJECT_ID) && layout.field(leaf.field()) == null) {
                return constant(!isNull);
            }
            return Translation.of(isNull ? FilterQuery.not(present(leaf.field())) : present(leaf.field()));
        }

        @Override
        protected Translation<ObjectNode> arrayContains(Expr.Leaf leaf, boolean negated) {
            return Translation.of(eq(leaf.field(), dtype(leaf).element(), leaf.value()));
        }

        @Override
        protected Translation<ObjectNode> other(Expr.Leaf leaf, boolean negated) {
            dtype(leaf);
            if (leaf.op() == Op.MATCH) {
                return Translation.of(match(leaf.field(), (String) leaf.value()));
            }
            return unsupported(leaf, negated);
        }

        @Override
        protected Translation<ObjectNode> unsupported(Expr.Leaf leaf, boolean negated) {
            throw new IllegalArgumentException("operator " + leaf.op().id() + " on field '" + leaf.field()
                    + "' does not run on this backend");
        }

        /** The leaf field's type; object_id is a keyword of every document, not one of the layout's fields. */
        private DType dtype(Expr.Leaf leaf) {
            StoredField field = layout.field(leaf.field());
            if (field != null) {
                return field.dtype();
            }
            if (leaf.field().equals(DocumentCodec.OBJECT_ID)) {
                return DType.IDENTIFIER;
            }
            throw new IllegalArgumentException("field '" + leaf.field() + "' is not stored in this index");
        }
    }

    private static ObjectNode eq(String field, DType dtype, Object value) {
        if (isFloatZero(dtype, value)) {
            return eitherZero(field);
        }
        return term(field, DocumentCodec.encode(dtype, value));
    }

    private static ObjectNode range(String field, DType dtype, Op op, Object value) {
        if (isFloatZero(dtype, value)) {
            switch (op) {
                case LT:
                    return rangeOf(field, "lt", -0.0);
                case LTE:
                    return rangeOf(field, "lte", 0.0);
                case GT:
                    return rangeOf(field, "gt", 0.0);
                default:
                    return rangeOf(field, "gte", -0.0);
            }
        }
        ObjectNode query = SearchClient.object();
        query.putObject("range").putObject(field).set(op.id(), DocumentCodec.encode(dtype, value));
        return query;
    }

    private static ObjectNode in(String field, DType dtype, List<?> values) {
        List<Object> plain = new ArrayList<>();
        boolean zero = false;
        for (Object value : values) {
            if (isFloatZero(dtype, value)) {
                zero = true;
            } else {
                plain.add(value);
            }
        }
        ObjectNode terms = SearchClient.object();
        ArrayNode encoded = terms.putObject("terms").putArray(field);
        plain.forEach(value -> encoded.add(DocumentCodec.encode(dtype, value)));
        if (!zero) {
            return terms;
        }
        ObjectNode bool = SearchClient.object();
        ObjectNode body = bool.putObject("bool");
        body.putArray("should").add(terms).add(eitherZero(field));
        body.put("minimum_should_match", 1);
        return bool;
    }

    private static ObjectNode match(String field, String text) {
        Set<String> words = IndexedWords.of(text);
        if (words.isEmpty()) {
            return matchNone();
        }
        ObjectNode bool = SearchClient.object();
        ArrayNode filter = bool.putObject("bool").putArray("filter");
        String wordsField = DocumentCodec.WORDS + "." + field;
        for (String word : words) {
            filter.add(term(wordsField, SearchClient.JSON.getNodeFactory().textNode(word)));
        }
        return bool;
    }

    private static ObjectNode not(ObjectNode query) {
        ObjectNode bool = SearchClient.object();
        bool.putObject("bool").putArray("must_not").add(query);
        return bool;
    }

    private static ObjectNode term(String field, JsonNode value) {
        ObjectNode query = SearchClient.object();
        query.putObject("term").putObject(field).set("value", value);
        return query;
    }

    private static ObjectNode terms(String field, List<String> values) {
        ObjectNode query = SearchClient.object();
        ArrayNode array = query.putObject("terms").putArray(field);
        values.forEach(array::add);
        return query;
    }

    /** {@code -0.0 <= field <= 0.0}: both zeros, which the engine holds equal. */
    private static ObjectNode eitherZero(String field) {
        ObjectNode query = SearchClient.object();
        query.putObject("range").putObject(field).put("gte", -0.0).put("lte", 0.0);
        return query;
    }

    private static ObjectNode rangeOf(String field, String bound, double value) {
        ObjectNode query = SearchClient.object();
        query.putObject("range").putObject(field).put(bound, value);
        return query;
    }

    private static boolean isFloatZero(DType dtype, Object value) {
        return dtype.kind() == Kind.FLOAT && value instanceof Number && ((Number) value).doubleValue() == 0.0;
    }
}
