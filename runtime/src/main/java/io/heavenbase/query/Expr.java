package io.heavenbase.query;

import java.util.List;

/**
 * A filter expression tree. Leaves compare one field; {@link And}, {@link Or} and {@link Not}
 * combine them. Two-valued logic: a leaf on a null value is false except {@code null=true},
 * {@code ne} and {@code nin}, so {@code not(x)} is exactly the complement of {@code x}.
 */
public sealed interface Expr permits Expr.And, Expr.Or, Expr.Not, Expr.Leaf {

    /** Every leaf of this tree, left to right. */
    List<Leaf> leaves();

    record And(List<Expr> children) implements Expr {
        public And {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            return ExprText.of(this);
        }

        @Override
        public List<Leaf> leaves() {
            return children.stream().flatMap(c -> c.leaves().stream()).toList();
        }
    }

    record Or(List<Expr> children) implements Expr {
        public Or {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            return ExprText.of(this);
        }

        @Override
        public List<Leaf> leaves() {
            return children.stream().flatMap(c -> c.leaves().stream()).toList();
        }
    }

    record Not(Expr child) implements Expr {
        @Override
        public String toString() {
            return ExprText.of(this);
        }

        @Override
        public List<Leaf> leaves() {
            return child.leaves();
        }
    }

    /**
     * {@code field op value}. Value types after validation against the field's dtype: the canonical
     * Java value of the dtype for comparisons and {@code array_contains} (the element's value);
     * a {@code List} of those for {@code in}/{@code nin}; a {@code String} for {@code match} and
     * {@code contained_in}; a {@code Boolean} for {@code null}.
     */
    record Leaf(String field, Op op, Object value) implements Expr {
        @Override
        public List<Leaf> leaves() {
            return List.of(this);
        }
    }
}
