package io.heavenbase.backend.milvus;

import io.heavenbase.query.Expr;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.support.EpochNumbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a filter into a Milvus boolean expression with exactly the engine's two-valued logic
 * ({@link io.heavenbase.query.Evaluator}). Whatever Milvus does with a null operand, every leaf is
 * written so that it is definitely true or false on a null: comparisons are guarded with
 * {@code f is not null and ...}, {@code ne} becomes {@code (f is null or f != v)}, {@code nin}
 * becomes {@code (f is null or f not in [...])}; so {@code not (...)} is the exact complement.
 * A vector's {@code null} reads its presence flag. Constant truth values are written against the
 * never-null key: {@code object_id >= ""} (true) and {@code object_id < ""} (false).
 *
 * <p>A filter holding a value that has no exact Milvus literal ({@link Long#MIN_VALUE}, an
 * unpaired surrogate, an operator Milvus does not run) compiles to empty, and the backend then
 * evaluates it in the engine instead.
 */
final class MilvusExpressions {

    static final String TRUE = Names.OBJECT_ID + " >= \"\"";
    static final String FALSE = Names.OBJECT_ID + " < \"\"";

    private MilvusExpressions() {
    }

    /** The expression for {@code filter} over {@code collection}'s fields, or empty when inexpressible. */
    static Optional<String> compile(Expr filter, MilvusCollection collection) {
        try {
            return Optional.of(expr(filter, collection));
        } catch (Inexpressible e) {
            return Optional.empty();
        }
    }

    /** {@code object_id in [...]} for these ids (false for none). */
    static String idIn(Collection<String> ids) {
        if (ids.isEmpty()) {
            return FALSE;
        }
        List<String> literals = new ArrayList<>(ids.size());
        for (String id : ids) {
            literals.add(MilvusLiterals.string(id).orElseThrow(
                    () -> new IllegalArgumentException("object_id " + Names.shorten(id) + " is not valid Unicode")));
        }
        return Names.OBJECT_ID + " in [" + String.join(", ", literals) + "]";
    }

    /** {@code object_id > "id"}: the keyset cursor of a paged scan. */
    static String idAfter(String id) {
        return Names.OBJECT_ID + " > " + MilvusLiterals.string(id).orElseThrow(
                () -> new IllegalArgumentException("object_id " + Names.shorten(id) + " is not valid Unicode"));
    }

    /** Both expressions; a null side is left out. */
    static String and(String left, String right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        return "(" + left + ") and (" + right + ")";
    }

    private static String expr(Expr expr, MilvusCollection collection) {
        if (expr instanceof Expr.And and) {
            return join(and.children(), " and ", TRUE, collection);
        }
        if (expr instanceof Expr.Or or) {
            return join(or.children(), " or ", FALSE, collection);
        }
        if (expr instanceof Expr.Not not) {
            return "not (" + expr(not.child(), collection) + ")";
        }
        return leaf((Expr.Leaf) expr, collection);
    }

    private static String join(List<Expr> children, String operator, String empty, MilvusCollection collection) {
        if (children.isEmpty()) {
            return empty;
        }
        List<String> parts = new ArrayList<>(children.size());
        for (Expr child : children) {
            parts.add(expr(child, collection));
        }
        return "(" + String.join(operator, parts) + ")";
    }

    private static String leaf(Expr.Leaf leaf, MilvusCollection collection) {
        String field = leaf.field();
        DType dtype = collection.dtype(field);
        if (dtype == null) {
            throw new Inexpressible();
        }
        boolean nullable = !field.equals(Names.OBJECT_ID);
        Object value = leaf.value();
        switch (leaf.op()) {
            case NULL:
                return nullTest(field, dtype, Boolean.TRUE.equals(value), nullable);
            case EQ:
                return guarded(field, nullable, field + " == " + literal(dtype, value));
            case NE:
                return nullable ? "(" + field + " is null or " + field + " != " + literal(dtype, value) + ")"
                        : field + " != " + literal(dtype, value);
            case LT:
                return guarded(field, nullable, field + " < " + literal(dtype, value));
            case LTE:
                return guarded(field, nullable, field + " <= " + literal(dtype, value));
            case GT:
                return guarded(field, nullable, field + " > " + literal(dtype, value));
            case GTE:
                return guarded(field, nullable, field + " >= " + literal(dtype, value));
            case IN:
                return in(field, dtype, values(value), nullable);
            case NIN:
                return notIn(field, dtype, values(value), nullable);
            case ARRAY_CONTAINS:
                if (dtype.kind() != DType.Kind.ARRAY) {
                    throw new Inexpressible();
                }
                return guarded(field, nullable, "array_contains(" + field + ", " + literal(dtype.element(), value) + ")");
            default:
                throw new Inexpressible();
        }
    }

    private static String nullTest(String field, DType dtype, boolean isNull, boolean nullable) {
        if (!nullable) {
            return isNull ? FALSE : TRUE;
        }
        if (dtype.kind() == DType.Kind.VECTOR) {
            return MilvusNames.presenceFlag(field) + " == " + MilvusLiterals.bool(!isNull);
        }
        return field + (isNull ? " is null" : " is not null");
    }

    private static String in(String field, DType dtype, List<?> values, boolean nullable) {
        if (values.isEmpty()) {
            return FALSE;
        }
        if (dtype.kind() == DType.Kind.BOOLEAN) {
            List<String> terms = new ArrayList<>();
            for (Object value : values) {
                terms.add(field + " == " + literal(dtype, value));
            }
            return guarded(field, nullable, "(" + String.join(" or ", terms) + ")");
        }
        return guarded(field, nullable, field + " in " + list(dtype, values));
    }

    private static String notIn(String field, DType dtype, List<?> values, boolean nullable) {
        if (values.isEmpty()) {
            return TRUE;
        }
        String test;
        if (dtype.kind() == DType.Kind.BOOLEAN) {
            List<String> terms = new ArrayList<>();
            for (Object value : values) {
                terms.add(field + " != " + literal(dtype, value));
            }
            test = "(" + String.join(" and ", terms) + ")";
        } else {
            test = field + " not in " + list(dtype, values);
        }
        return nullable ? "(" + field + " is null or " + test + ")" : test;
    }

    private static String guarded(String field, boolean nullable, String test) {
        return nullable ? "(" + field + " is not null and " + test + ")" : test;
    }

    private static List<?> values(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new Inexpressible();
        }
        return list;
    }

    private static String list(DType dtype, List<?> values) {
        List<String> literals = new ArrayList<>(values.size());
        for (Object value : values) {
            literals.add(literal(dtype, value));
        }
        return "[" + String.join(", ", literals) + "]";
    }

    /** The literal of a canonical value of {@code dtype} as stored in Milvus. */
    private static String literal(DType dtype, Object value) {
        if (value == null) {
            throw new Inexpressible();
        }
        switch (dtype.kind()) {
            case IDENTIFIER:
            case SHORT_TEXT:
            case MEDIUM_TEXT:
            case LONG_TEXT:
            case CATEGORICAL:
                if (!(value instanceof String text)) {
                    throw new Inexpressible();
                }
                return MilvusLiterals.string(text).orElseThrow(Inexpressible::new);
            case INTEGER:
                return MilvusLiterals.integer(exactLong(value)).orElseThrow(Inexpressible::new);
            case FLOAT:
                return MilvusLiterals.decimal(exactDouble(value));
            case BOOLEAN:
                if (!(value instanceof Boolean flag)) {
                    throw new Inexpressible();
                }
                return MilvusLiterals.bool(flag);
            case TIMESTAMP:
            case DATE:
                long number = EpochNumbers.exactNumber(dtype.kind(), value).orElseThrow(Inexpressible::new);
                return MilvusLiterals.integer(number).orElseThrow(Inexpressible::new);
            default:
                throw new Inexpressible();
        }
    }

    private static long exactLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        throw new Inexpressible();
    }

    private static double exactDouble(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Long || value instanceof Integer) {
            long whole = ((Number) value).longValue();
            if (Math.abs(whole) <= 1L << 53) {
                return (double) whole;
            }
        }
        throw new Inexpressible();
    }

    /** A filter part without an exact Milvus spelling. */
    private static final class Inexpressible extends RuntimeException {
        Inexpressible() {
            super(null, null, false, false);
        }
    }
}
