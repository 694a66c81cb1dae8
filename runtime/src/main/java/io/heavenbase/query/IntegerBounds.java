package io.heavenbase.query;

import io.heavenbase.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Filters on an Integer field with a value that is not a whole number in the 64-bit range, such as
 * {@code gt("n", 41.5)}: compared by numeric value, as users of other stores expect, by rewriting
 * the leaf into an exact integer one that every backend runs the same way. {@code gt 41.5} is
 * {@code gt 41}, {@code gte 41.5} is {@code gte 42}, {@code lt 41.5} is {@code lt 42}, {@code lte
 * 41.5} is {@code lte 41}; {@code eq 41.5} matches nothing and {@code ne 41.5} everything; such
 * values are dropped from {@code in}/{@code nin} lists. A bound beyond the 64-bit range becomes
 * "every row with a value" or "nothing".
 */
final class IntegerBounds {

    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Expr NOTHING = new Expr.Or(List.of());
    private static final Expr EVERYTHING = new Expr.And(List.of());

    private IntegerBounds() {
    }

    /** The exact form of {@code leaf}, or null when its value(s) need no rewriting. */
    static Expr rewrite(Expr.Leaf leaf, String entity, String path) {
        if (leaf.op().isComparison()) {
            BigDecimal value = decimal(leaf.value(), entity, path);
            return value == null ? null : comparison(leaf, value);
        }
        switch (leaf.op()) {
            case IN:
            case NIN:
                return list(leaf, entity, path);
            default:
                return null;
        }
    }

    private static Expr comparison(Expr.Leaf leaf, BigDecimal value) {
        BigInteger floor = value.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        BigInteger ceiling = value.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        switch (leaf.op()) {
            case EQ:
                return NOTHING;
            case NE:
                return EVERYTHING;
            case GT:
                return atLeast(leaf, floor, Op.GT);
            case GTE:
                return atLeast(leaf, ceiling, Op.GTE);
            case LT:
                return atMost(leaf, ceiling, Op.LT);
            default:
                return atMost(leaf, floor, Op.LTE);
        }
    }

    /** {@code field op bound} for a lower bound ({@code gt}/{@code gte}), clamped to the long range. */
    private static Expr atLeast(Expr.Leaf leaf, BigInteger bound, Op op) {
        if (bound.compareTo(MAX) > 0) {
            return NOTHING;
        }
        if (bound.compareTo(MIN) < 0) {
            return new Expr.Leaf(leaf.field(), Op.NULL, Boolean.FALSE);
        }
        return new Expr.Leaf(leaf.field(), op, bound.longValueExact());
    }

    /** {@code field op bound} for an upper bound ({@code lt}/{@code lte}), clamped to the long range. */
    private static Expr atMost(Expr.Leaf leaf, BigInteger bound, Op op) {
        if (bound.compareTo(MIN) < 0) {
            return NOTHING;
        }
        if (bound.compareTo(MAX) > 0) {
            return new Expr.Leaf(leaf.field(), Op.NULL, Boolean.FALSE);
        }
        return new Expr.Leaf(leaf.field(), op, bound.longValueExact());
    }

    private static Expr list(Expr.Leaf leaf, String entity, String path) {
        if (!(leaf.value() instanceof Collection<?> values)) {
            return null;
        }
        List<Object> kept = new ArrayList<>(values.size());
        boolean dropped = false;
        int i = 0;
        for (Object value : values) {
            BigDecimal decimal = decimal(value, entity, path + "[" + i++ + "]");
            if (decimal == null) {
                kept.add(value);
            } else {
                dropped = true;
            }
        }
        return dropped ? new Expr.Leaf(leaf.field(), leaf.op(), kept) : null;
    }

    /** The exact value of a number that is not a long (fractional or out of range); null otherwise. */
    private static BigDecimal decimal(Object value, String entity, String path) {
        if (!(value instanceof Number number) || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return null;
        }
        BigDecimal decimal;
        if (value instanceof Double || value instanceof Float) {
            double d = value instanceof Float ? Double.parseDouble(value.toString()) : number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new ValidationException(entity, path, "finite", "'" + path + "' must be a finite number, got "
                        + value);
            }
            decimal = BigDecimal.valueOf(d);
        } else {
            try {
                decimal = new BigDecimal(value.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        boolean isLong = decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0
                && decimal.compareTo(new BigDecimal(MIN)) >= 0 && decimal.compareTo(new BigDecimal(MAX)) <= 0;
        return isLong ? null : decimal;
    }
}
