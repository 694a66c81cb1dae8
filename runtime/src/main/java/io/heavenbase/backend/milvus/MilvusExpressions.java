package io.heavenbase.backend.milvus;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.support.EpochNumbers;
import io.heavenbase.spi.support.FilterTranslator;
import io.heavenbase.spi.support.Float64;
import io.heavenbase.spi.support.Translation;
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
 * evaluates it in the engine instead. The recursion and the null policy are {@link FilterTranslator}'s.
 */
final class MilvusExpressions {

    static final String TRUE = Names.OBJECT_ID + " >= \"\"";
    static final String FALSE = Names.OBJECT_ID + " < \"\"";

    private MilvusExpressions() {
    }

    /** The expression for {@code filter} over {@code collection}'s fields, or empty when inexpressible. */
    static Optional<String> compile(Expr filter, MilvusCollection collection) {
        Translation<String> translation = new Translator(collection).translate(filter);
        return translation.exact() ? Optional.of(translation.filter()) : Optional.empty();
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

    /** Milvus's spelling of each node: its {@code not} is exact, since no leaf is ever unknown on a null. */
    private static final class Translator extends FilterTranslator<String> {

        private final MilvusCollection collection;

        Translator(MilvusCollection collection) {
            super(true);
            this.collection = collection;
        }

        @Override
        protected String and(List<String> parts) {
            return "(" + String.join(" and ", parts) + ")";
        }

        @Override
        protected String or(List<String> parts) {
            return "(" + String.join(" or ", parts) + ")";
        }

        @Override
        protected String not(String part) {
            return "not (" + part + ")";
        }

        @Override
        protected Translation<String> constant(boolean value) {
            return Translation.of(value ? TRUE : FALSE);
        }

        @Override
        protected Translation<String> comparison(Expr.Leaf leaf, boolean negated) {
            String field = leaf.field();
            DType dtype = dtype(field);
            boolean nullable = nullable(field);
            String literal = literal(dtype, leaf.value());
            switch (leaf.op()) {
                case EQ:
                    return Translation.of(guarded(field, nullable, field + " == " + literal));
                case NE:
                    return Translation.of(nullable ? "(" + field + " is null or " + field + " != " + literal + ")"
                            : field + " != " + literal);
                default:
                    return Translation.of(guarded(field, nullable, field + " " + operator(leaf.op()) + " " + literal));
            }
        }

        @Override
        protected Translation<String> membership(Expr.Leaf leaf, List<?> values, boolean negated) {
            String field = leaf.field();
            DType dtype = dtype(field);
            return Translation.of(leaf.op() == Op.IN ? in(field, dtype, values, nullable(field))
                    : notIn(field, dtype, values, nullable(field)));
        }

        @Override
        protected Translation<String> nullTest(Expr.Leaf leaf, boolean isNull) {
            String field = leaf.field();
            return Translation.of(nullTest(field, dtype(field), isNull, nullable(field)));
        }

        @Override
        protected Translation<String> arrayContains(Expr.Leaf leaf, boolean negated) {
            String field = leaf.field();
            DType dtype = dtype(field);
            if (dtype.kind() != DType.Kind.ARRAY) {
                return Translation.superset();
            }
            return Translation.of(guarded(field, nullable(field),
                    "array_contains(" + field + ", " + literal(dtype.element(), leaf.value()) + ")"));
        }

        private static String operator(Op op) {
            switch (op) {
                case LT:
                    return "<";
                case LTE:
                    return "<=";
                case GT:
                    return ">";
                default:
                    return ">=";
            }
        }

        /** The field's type; a field the collection does not hold has no Milvus spelling. */
        private DType dtype(String field) {
            DType dtype = collection.dtype(field);
            if (dtype == null) {
                throw inexpressible();
            }
            return dtype;
        }

        private static boolean nullable(String field) {
            return !field.equals(Names.OBJECT_ID);
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
                throw inexpressible();
            }
            if (dtype.kind().isStringValued()) {
                if (!(value instanceof String text)) {
                    throw inexpressible();
                }
                return MilvusLiterals.string(text).orElseThrow(FilterTranslator::inexpressible);
            }
            switch (dtype.kind()) {
                case INTEGER:
                    return MilvusLiterals.integer(exactLong(value)).orElseThrow(FilterTranslator::inexpressible);
                case FLOAT:
                    return MilvusLiterals.decimal(exactDouble(value));
                case BOOLEAN:
                    if (!(value instanceof Boolean flag)) {
                        throw inexpressible();
                    }
                    return MilvusLiterals.bool(flag);
                case TIMESTAMP:
                case DATE:
                    long number = EpochNumbers.exactNumber(dtype.kind(), value).orElseThrow(FilterTranslator::inexpressible);
                    return MilvusLiterals.integer(number).orElseThrow(FilterTranslator::inexpressible);
                default:
                    throw inexpressible();
            }
        }

        private static long exactLong(Object value) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                return d.longValue();
            }
            throw inexpressible();
        }

        private static double exactDouble(Object value) {
            return Float64.exact(value).orElseThrow(FilterTranslator::inexpressible);
        }
    }
}
