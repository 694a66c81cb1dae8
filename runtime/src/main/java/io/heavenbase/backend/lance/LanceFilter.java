package io.heavenbase.backend.lance;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.FilterTranslator;
import io.heavenbase.spi.support.Translation;
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
 * so comparisons with a zero are written to treat both zeros as equal, as HeavenBase does. The
 * recursion and the null policy are {@link FilterTranslator}'s.
 */
final class LanceFilter extends FilterTranslator<String> {

    private final String backend;
    private final EntityLayout layout;

    LanceFilter(String backend, EntityLayout layout) {
        super(true);
        this.backend = backend;
        this.layout = layout;
    }

    /** The filter text, or {@code null} for "every row". */
    String compile(Expr expr) {
        return translate(expr).filter();
    }

    /** {@code object_id IN (...)} for a non-empty collection of ids. */
    static String idsIn(Collection<String> ids) {
        StringJoiner list = new StringJoiner(", ", "object_id IN (", ")");
        for (String id : ids) {
            list.add(LanceLiterals.text(id));
        }
        return list.toString();
    }

    @Override
    protected String and(List<String> parts) {
        return balanced(parts, 0, parts.size(), " AND ");
    }

    @Override
    protected String or(List<String> parts) {
        return balanced(parts, 0, parts.size(), " OR ");
    }

    @Override
    protected String not(String part) {
        return "(NOT " + part + ")";
    }

    @Override
    protected Translation<String> constant(boolean value) {
        return Translation.of(value ? "true" : "false");
    }

    /**
     * {@code parts[from, to)} joined by {@code operator} as a balanced tree of parentheses, so
     * the depth the DataFusion parser sees grows with the logarithm of the number of parts.
     */
    private static String balanced(List<String> parts, int from, int to, String operator) {
        if (to - from == 1) {
            return parts.get(from);
        }
        int middle = (from + to) >>> 1;
        return "(" + balanced(parts, from, middle, operator) + operator + balanced(parts, middle, to, operator) + ")";
    }

    @Override
    protected Translation<String> nullTest(Expr.Leaf leaf, boolean isNull) {
        String column = column(leaf);
        return Translation.of(isNull ? column + " IS NULL" : column + " IS NOT NULL");
    }

    @Override
    protected Translation<String> comparison(Expr.Leaf leaf, boolean negated) {
        String column = column(leaf);
        DType dtype = field(leaf).dtype();
        Object value = leaf.value();
        switch (leaf.op()) {
            case EQ:
                return Translation.of("(" + column + " IS NOT NULL AND " + equal(column, dtype, value) + ")");
            case NE:
                return Translation.of("(" + column + " IS NULL OR NOT " + equal(column, dtype, value) + ")");
            default:
                return Translation.of("(" + column + " IS NOT NULL AND " + range(leaf, column, dtype, value) + ")");
        }
    }

    @Override
    protected Translation<String> membership(Expr.Leaf leaf, List<?> values, boolean negated) {
        String column = column(leaf);
        DType dtype = field(leaf).dtype();
        return Translation.of(leaf.op() == Op.IN
                ? "(" + column + " IS NOT NULL AND " + anyOf(column, dtype, values) + ")"
                : "(" + column + " IS NULL OR NOT " + anyOf(column, dtype, values) + ")");
    }

    @Override
    protected Translation<String> arrayContains(Expr.Leaf leaf, boolean negated) {
        String column = column(leaf);
        DType dtype = field(leaf).dtype();
        if (dtype.kind() != DType.Kind.ARRAY) {
            throw unsupported(leaf, "array_contains needs an Array field");
        }
        return Translation.of("(" + column + " IS NOT NULL AND " + arrayHas(column, dtype.element(), leaf.value())
                + ")");
    }

    @Override
    protected Translation<String> unsupported(Expr.Leaf leaf, boolean negated) {
        field(leaf);
        throw unsupported(leaf, "Lance filters do not run this operator");
    }

    /** The stored field of the leaf; the engine sends only leaves on fields this backend holds. */
    private StoredField field(Expr.Leaf leaf) {
        StoredField field = Names.OBJECT_ID.equals(leaf.field())
                ? new StoredField(Names.OBJECT_ID, DType.IDENTIFIER, Strategy.INLINE_COLUMN)
                : layout.field(leaf.field());
        if (field == null) {
            throw unsupported(leaf, "the field is not stored on this backend");
        }
        return field;
    }

    private String column(Expr.Leaf leaf) {
        return "`" + field(leaf).name() + "`";
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
