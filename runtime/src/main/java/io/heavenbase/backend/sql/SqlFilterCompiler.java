package io.heavenbase.backend.sql;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.capability.Ops;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.TextMatch;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Compiles a filter {@link Expr} into a SQL condition on the entity table, with the engine's
 * two-valued logic: every leaf compiles to a condition that is TRUE or FALSE, never NULL (a leaf
 * on a null value is false except {@code null=true}, {@code ne} and {@code nin}), so {@code NOT}
 * is the exact complement. Text compares by code point through
 * {@link SqlDialect#codePointOrder}. Values are always bound parameters.
 */
public final class SqlFilterCompiler {

    private final SqlDialect dialect;
    private final SqlTables tables;
    private final EntityLayout layout;
    private final String alias;
    private final String backend;

    /**
     * @param alias the alias of the entity table in the enclosing query
     * @param backend the backend name, for error messages
     */
    public SqlFilterCompiler(SqlDialect dialect, SqlTables tables, EntityLayout layout, String alias, String backend) {
        this.dialect = dialect;
        this.tables = tables;
        this.layout = layout;
        this.alias = alias;
        this.backend = backend;
    }

    public BoundSql compile(Expr expr) {
        SqlBuilder out = new SqlBuilder();
        compile(expr, out);
        return out.build();
    }

    private void compile(Expr expr, SqlBuilder out) {
        if (expr instanceof Expr.And) {
            junction(((Expr.And) expr).children(), " AND ", dialect.trueCondition(), out);
        } else if (expr instanceof Expr.Or) {
            junction(((Expr.Or) expr).children(), " OR ", dialect.falseCondition(), out);
        } else if (expr instanceof Expr.Not) {
            out.append("(NOT ");
            compile(((Expr.Not) expr).child(), out);
            out.append(")");
        } else {
            leaf((Expr.Leaf) expr, out);
        }
    }

    private void junction(List<Expr> children, String operator, String empty, SqlBuilder out) {
        if (children.isEmpty()) {
            out.append(empty);
            return;
        }
        balanced(children, 0, children.size(), operator, out);
    }

    /**
     * {@code children[from, to)} joined by {@code operator} as a balanced tree of parentheses:
     * SQL parsers nest {@code a OR b OR c ...} one level per operand (SQLite stops at depth 1,000),
     * halves keep the depth logarithmic.
     */
    private void balanced(List<Expr> children, int from, int to, String operator, SqlBuilder out) {
        if (to - from == 1) {
            compile(children.get(from), out);
            return;
        }
        int middle = (from + to) >>> 1;
        out.append("(");
        balanced(children, from, middle, operator, out);
        out.append(operator);
        balanced(children, middle, to, operator, out);
        out.append(")");
    }

    private void leaf(Expr.Leaf leaf, SqlBuilder out) {
        StoredField field = field(leaf);
        String column = alias + "." + dialect.quote(field.name());
        Op op = leaf.op();
        switch (op) {
            case NULL:
                out.append(column).append(Boolean.FALSE.equals(leaf.value()) ? " IS NOT NULL" : " IS NULL");
                return;
            case EQ:
                comparison(field, column, "=", leaf.value(), out);
                return;
            case LT:
                comparison(field, column, "<", leaf.value(), out);
                return;
            case LTE:
                comparison(field, column, "<=", leaf.value(), out);
                return;
            case GT:
                comparison(field, column, ">", leaf.value(), out);
                return;
            case GTE:
                comparison(field, column, ">=", leaf.value(), out);
                return;
            case NE:
                if (leaf.value() == null) {
                    out.append(dialect.trueCondition());
                    return;
                }
                out.append("(").append(column).append(" IS NULL OR ").append(comparable(field, column))
                        .append(" <> ").param(param(field, leaf.value())).append(")");
                return;
            case IN:
                membership(field, column, leaf, false, out);
                return;
            case NIN:
                membership(field, column, leaf, true, out);
                return;
            case MATCH:
                match(field, leaf, out);
                return;
            case ARRAY_CONTAINS:
                arrayContains(field, column, leaf, out);
                return;
            case CONTAINS:
                out.append("(").append(column).append(" IS NOT NULL AND ").append(dialect.substringPosition())
                        .append("(").append(column).append(", ").param(SqlParam.text((String) leaf.value()))
                        .append(") > 0)");
                return;
            default:
                throw unsupported(field, op);
        }
    }

    private void comparison(StoredField field, String column, String operator, Object value, SqlBuilder out) {
        if (value == null) {
            out.append(dialect.falseCondition());
            return;
        }
        out.append("(").append(column).append(" IS NOT NULL AND ").append(comparable(field, column)).append(" ")
                .append(operator).append(" ").param(param(field, value)).append(")");
    }

    private void membership(StoredField field, String column, Expr.Leaf leaf, boolean negated, SqlBuilder out) {
        List<Object> values = new ArrayList<>(((List<?>) leaf.value()));
        values.removeIf(Objects::isNull);
        if (values.isEmpty()) {
            out.append(negated ? dialect.trueCondition() : dialect.falseCondition());
            return;
        }
        out.append("(").append(column).append(negated ? " IS NULL OR " : " IS NOT NULL AND ")
                .append(comparable(field, column)).append(negated ? " NOT IN (" : " IN (");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").param(param(field, values.get(i)));
        }
        out.append("))");
    }

    /**
     * Through the field's full-text index when it has one, else as the dialect's scan; the
     * capability table says whether either is native for this field.
     */
    private void match(StoredField field, Expr.Leaf leaf, SqlBuilder out) {
        if (!dialect.capabilities().isNative(field.dtype(), field.strategy(), Ops.MATCH, field.fullText())) {
            throw unsupported(field, Op.MATCH);
        }
        List<String> words = leaf.value() instanceof String
                ? new ArrayList<>(new LinkedHashSet<>(TextMatch.words((String) leaf.value()))) : List.of();
        if (words.isEmpty()) {
            out.append(dialect.falseCondition());
            return;
        }
        FullTextIndex fullText = dialect.fullText();
        if (field.fullText() && fullText != null) {
            out.append(fullText.matches(tables, alias, field, words));
            return;
        }
        BoundSql scan = dialect.matchScan(alias + "." + dialect.quote(field.name()), words);
        if (scan == null) {
            throw unsupported(field, Op.MATCH);
        }
        out.append(scan);
    }

    private void arrayContains(StoredField field, String column, Expr.Leaf leaf, SqlBuilder out) {
        DType element = field.dtype().element();
        if (leaf.value() == null) {
            out.append(dialect.falseCondition());
            return;
        }
        if (field.strategy() == Strategy.SIDE_TABLE) {
            String value = comparable(element, "s." + dialect.quote("value"));
            out.append("EXISTS (SELECT 1 FROM ").append(tables.qualified(tables.side(field.name())))
                    .append(" s WHERE s.")
                    .append(dialect.quote("owner_id")).append(" = ").append(alias).append(".")
                    .append(dialect.quote(Names.OBJECT_ID)).append(" AND ").append(value).append(" = ")
                    .param(dialect.types().param(element, leaf.value())).append(")");
            return;
        }
        out.append("(").append(column).append(" IS NOT NULL AND ")
                .append(dialect.arrayContainsInline(column, element, leaf.value())).append(")");
    }

    private String comparable(StoredField field, String column) {
        return comparable(field.dtype(), column);
    }

    private String comparable(DType dtype, String column) {
        return dtype.kind().isStringValued() ? dialect.codePointOrder(column) : column;
    }

    private SqlParam param(StoredField field, Object value) {
        return dialect.types().param(field.dtype(), value);
    }

    private StoredField field(Expr.Leaf leaf) {
        if (Names.OBJECT_ID.equals(leaf.field())) {
            return new StoredField(Names.OBJECT_ID, DType.IDENTIFIER, Strategy.INLINE_COLUMN);
        }
        StoredField field = layout.field(leaf.field());
        if (field == null) {
            throw new UnsupportedCapabilityException(backend, null, leaf.op().id(),
                    "field '" + leaf.field() + "' of entity '" + layout.entityId() + "' is not stored on backend '"
                            + backend + "'");
        }
        return field;
    }

    private UnsupportedCapabilityException unsupported(StoredField field, Op op) {
        return new UnsupportedCapabilityException(backend, field.dtype().toString(), op.id(),
                "backend '" + backend + "' (" + dialect.type() + ") cannot run " + op.id() + " natively on "
                        + layout.entityId() + "." + field.name() + " (" + field.dtype() + ", " + field.strategy()
                        + ")");
    }
}
