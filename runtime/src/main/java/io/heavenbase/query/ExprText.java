package io.heavenbase.query;

import io.heavenbase.schema.Names;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A short, readable rendering of a filter for messages and logs, such as
 * {@code and(qty gt 4, not(title eq 'x'))}. Iterative and cut at a length, so a filter nested
 * thousands of levels deep, or one whose shared subtrees would expand exponentially, costs no more
 * to print than a short one.
 */
public final class ExprText {

    /** Characters shown before the rendering is cut with "...". */
    public static final int MAX_CHARS = 300;

    private ExprText() {
    }

    public static String of(Expr expr) {
        StringBuilder out = new StringBuilder();
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(expr);
        while (!pending.isEmpty() && out.length() <= MAX_CHARS) {
            Object next = pending.pop();
            if (next instanceof String text) {
                out.append(text);
            } else if (next instanceof Expr.Leaf leaf) {
                out.append(leaf.field()).append(' ').append(leaf.op().id()).append(' ')
                        .append(leaf.value() instanceof String ? "'" + Names.shorten(leaf.value()) + "'"
                                : Names.shorten(leaf.value()));
            } else if (next instanceof Expr.Not not) {
                out.append("not(");
                pending.push(")");
                pending.push(not.child());
            } else if (next instanceof Expr junction) {
                boolean and = junction instanceof Expr.And;
                List<Expr> children = and ? ((Expr.And) junction).children() : ((Expr.Or) junction).children();
                out.append(and ? "and(" : "or(");
                pending.push(")");
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                    if (i > 0) {
                        pending.push(", ");
                    }
                }
            } else {
                out.append("null");
            }
        }
        if (out.length() > MAX_CHARS || !pending.isEmpty()) {
            out.setLength(Math.min(out.length(), MAX_CHARS));
            out.append("...");
        }
        return out.toString();
    }
}
