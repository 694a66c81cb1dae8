package io.heavenbase.backend.lance;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.query.Expr;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * Compiles a filter {@link Expr} into a Lance filter (DataFusion SQL) with exactly the engine's
 * two-valued semantics ({@link io.heavenbase.query.Evaluator}): every leaf is written so that it is
 * never SQL NULL ({@code eq} as {@code (f IS NOT NULL AND f = v)}, {@code ne} as
 * {@code (f IS NULL OR NOT f = v)}, {@code nin} likewise), so {@code NOT} is the exact complement.
 * Columns are quoted with backticks (field names have passed {@link io.heavenbase.schema.Names});
 * values go through {@link LanceLiterals}. Lance compares floats in total order (-0.0 before 0.0),
 * so comparisons with a zero are written to treat both zeros as equal, as HeavenBase does.
 */
final class LanceFilter {

    private final String backend;
    private final EntityLayout layout;

    LanceFilter(String backend, EntityLayout layout) {
        this.backend = backend;
        this.layout = layout;
    }

    /** The filter text, or {@code null} for "every row". */
    String compile(Expr expr) {
        return expr == null ? null : expression(expr);
    }

    /** {@code object_id IN (...)} for a non-empty collection of ids. */
    static String idsIn(Collection<String> ids) {
        StringJoiner list = new StringJoiner(", ", "object_id IN (", ")");
        for (String id : ids) {
            list.add(LanceLiterals.text(id));
        }
        return list.toString();
    }

    private String expression(Expr expr) {
        if (expr instanceof Expr.And) {
            return junction(((Expr.And) expr).children(), " AND ", "true");
        }
        if (expr instanceof Expr.Or) {
            return junction(((Expr.Or) expr).children(), " OR ", "false");
        }
        if (expr instanceof Expr.Not) {
            return "(NOT " + expression(((Expr.Not) expr).child()) + ")";
        }
        return leaf((Expr.Leaf) expr);
    }

    private String junction(List<Expr> children, String operator, String empty) {
        if (children.isEmpty()) {
            return empty;
        }
        StringJoiner joined = new StringJoiner(operator, "(", ")");
        for (Expr child : children) {
            joined.add(expression(child));
        }
        return joined.toString();
    }

    private String leaf(Expr.Leaf leaf) {
        StoredField field = layout.field(leaf.field());
        boolean key = field == null && leaf.field().equals(Names.OBJECT_ID);
        if (field == null && !key) {
            throw unsupported(leaf, "the field is not stored on this backend");
        }
        // object_id is the key column of every table, not one of the layout's fields.
        DType dtype = key ? DType.IDENTIFIER : field.dtype();
        String column = "`" + leaf.field() + "`";
        Object value = leaf.value();
        switch (leaf.op()) {
            case NULL:
                return Boolean.TRUE.equals(value) ? column + " IS NULL" : column + " IS NOT NULL";
            case EQ:
                return "(" + column + " IS NOT NULL AND " + equal(column, dtype, value) + ")";
            case NE:
                return "(" + column + " IS NULL OR NOT " + equal(column, dtype, value) + ")";
            case LT:
            case LTE:
            case GT:
            case GTE:
                return "(" + column + " IS NOT NULL AND " + range(leaf, column, dtype, value) + ")";
            case IN:
                return ((List<?>) value).isEmpty() ? "false"
                        : "(" + column + " IS NOT NULL AND " + anyOf(column, dtype, (List<?>) value) + ")";
            case NIN:
                return ((List<?>) value).isEmpty() ? "true"
                        : "(" + column + " IS NULL OR NOT " + anyOf(column, dtype, (List<?>) value) + ")";
            case ARRAY_CONTAINS:
                if (dtype.kind() != DType.Kind.ARRAY) {
                    throw unsupported(leaf, "array_contains needs an Array field");
                }
                return "(" + column + " IS NOT NULL AND " + arrayHas(column, dtype.element(), value) + ")";
            default:
                throw unsupported(leaf, "Lance filters do not run this operator");
        }
    }

    private static String equal(String column, DType dtype, Object value) {
        if (LanceLiterals.isZero(dtype, value)) {
            return "(" + column + " >= -0.0 AND " + column + " <= 0.0)";
        }
        return "(" + column + " = " + LanceLiterals.of(dtype, value) + ")";
    }

    private String range(Expr.Leaf leaf, String column, DType dtype, Object value) {
        boolean zero = LanceLiterals.isZero(dtype, value);
        switch (leaf.op()) {
            case LT:
                return column + " < " + (zero ? "-0.0" : LanceLiterals.of(dtype, value));
            case LTE:
                return column + " <= " + (zero ? "0.0" : LanceLiterals.of(dtype, value));
            case GT:
                return column + " > " + (zero ? "0.0" : LanceLiterals.of(dtype, value));
            default:
                return column + " >= " + (zero ? "-0.0" : LanceLiterals.of(dtype, value));
        }
    }

    private static String anyOf(String column, DType dtype, List<?> values) {
        List<String> literals = new ArrayList<>();
        boolean zero = false;
        for (Object value : values) {
            if (LanceLiterals.isZero(dtype, value)) {
                zero = true;
            } else {
                literals.add(LanceLiterals.of(dtype, value));
            }
        }
        List<String> alternatives = new ArrayList<>();
        if (!literals.isEmpty()) {
            alternatives.add(column + " IN (" + String.join(", ", literals) + ")");
        }
        if (zero) {
            alternatives.add(equal(column, dtype, 0.0));
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    private static String arrayHas(String column, DType element, Object value) {
        if (LanceLiterals.isZero(element, value)) {
            return "(array_has(" + column + ", 0.0) OR array_has(" + column + ", -0.0))";
        }
        return "array_has(" + column + ", " + LanceLiterals.of(element, value) + ")";
    }

    private UnsupportedCapabilityException unsupported(Expr.Leaf leaf, String why) {
        StoredField field = layout.field(leaf.field());
        return new UnsupportedCapabilityException(backend, field == null ? "?" : field.dtype().toString(),
                leaf.op().id(), "backend '" + backend + "' cannot run " + leaf.op().id() + " on "
                        + layout.entityId() + "." + leaf.field() + " natively: " + why);
    }
}
