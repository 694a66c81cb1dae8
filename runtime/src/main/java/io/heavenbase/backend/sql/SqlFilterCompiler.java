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
import io.heavenbase.spi.support.FilterTranslator;
import io.heavenbase.spi.support.Translation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Compiles a filter {@link Expr} into a SQL condition on the entity table, with the engine's
 * two-valued logic: every leaf compiles to a condition that is TRUE or FALSE, never NULL (a leaf
 * on a null value is false except {@code null=true}, {@code ne} and {@code nin}), so {@code NOT}
 * is the exact complement. Text compares by code point through
 * {@link SqlDialect#codePointOrder}. Values are always bound parameters.
 */
public final class SqlFilterCompiler {

    private static final Map<Op, String> OPERATORS = Map.of(Op.EQ, "=", Op.LT, "<", Op.LTE, "<=", Op.GT, ">",
            Op.GTE, ">=");

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

    /** The SQL condition of {@code expr}; always exact (what a dialect cannot say, its capability table keeps out). */
    public BoundSql compile(Expr expr) {
        return new Translator().translate(expr).filter();
    }

    /**
     * The leaves and junctions in SQL. NOT is native ({@code (NOT p)}: every leaf is TRUE or FALSE), and the
     * constants are the dialect's, so an empty list or a null operand keeps its place in the condition.
     */
    private final class Translator extends FilterTranslator<BoundSql> {

        Translator() {
            super(true);
        }

        @Override
        protected BoundSql and(List<BoundSql> parts) {
            return balanced(parts, " AND ");
        }

        @Override
        protected BoundSql or(List<BoundSql> parts) {
            return balanced(parts, " OR ");
        }

        @Override
        protected BoundSql not(BoundSql part) {
            return new SqlBuilder().append("(NOT ").append(part).append(")").build();
        }

        @Override
        protected Translation<BoundSql> constant(boolean value) {
            return Translation.of(BoundSql.of(value ? dialect.trueCondition() : dialect.falseCondition()));
        }

        @Override
        protected Translation<BoundSql> comparison(Expr.Leaf leaf, boolean negated) {
            StoredField field = field(leaf);
            String column = column(field);
            SqlBuilder out = new SqlBuilder();
            if (leaf.op() == Op.NE) {
                out.append("(").append(column).append(" IS NULL OR ").append(comparable(field, column))
                        .append(" <> ").param(param(field, leaf.value())).append(")");
            } else {
                out.append("(").append(column).append(" IS NOT NULL AND ").append(comparable(field, column))
                        .append(" ").append(OPERATORS.get(leaf.op())).append(" ").param(param(field, leaf.value()))
                        .append(")");
            }
            return Translation.of(out.build());
        }

        @Override
        protected Translation<BoundSql> membership(Expr.Leaf leaf, List<?> values, boolean negated) {
            StoredField field = field(leaf);
            String column = column(field);
            boolean nin = leaf.op() == Op.NIN;
            SqlBuilder out = new SqlBuilder().append("(").append(column)
                    .append(nin ? " IS NULL OR " : " IS NOT NULL AND ").append(comparable(field, column))
                    .append(nin ? " NOT IN (" : " IN (");
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ", ").param(param(field, values.get(i)));
            }
            return Translation.of(out.append("))").build());
        }

        @Override
        protected Translation<BoundSql> nullTest(Expr.Leaf leaf, boolean isNull) {
            return Translation.of(new SqlBuilder().append(column(field(leaf)))
                    .append(isNull ? " IS NULL" : " IS NOT NULL").build());
        }

        @Override
        protected Translation<BoundSql> arrayContains(Expr.Leaf leaf, boolean negated) {
            StoredField field = field(leaf);
            if (leaf.value() == null) {
                return constant(false);
            }
            return Translation.of(SqlFilterCompiler.this.arrayContains(field, column(field), leaf));
        }

        @Override
        protected Translation<BoundSql> other(Expr.Leaf leaf, boolean negated) {
            StoredField field = field(leaf);
            if (leaf.op() == Op.MATCH) {
                return Translation.of(match(field, leaf));
            }
            if (leaf.op() == Op.CONTAINS) {
                String column = column(field);
                return Translation.of(new SqlBuilder().append("(").append(column).append(" IS NOT NULL AND ")
                        .append(dialect.substringPosition()).append("(").append(column).append(", ")
                        .param(SqlParam.text((String) leaf.value())).append(") > 0)").build());
            }
            throw SqlFilterCompiler.this.unsupported(field, leaf.op());
        }

        @Override
        protected Translation<BoundSql> unsupported(Expr.Leaf leaf, boolean negated) {
            throw SqlFilterCompiler.this.unsupported(field(leaf), leaf.op());
        }
    }

    /**
     * {@code parts} joined by {@code operator} as a balanced tree of parentheses: SQL parsers nest
     * {@code a OR b OR c ...} one level per operand (SQLite stops at depth 1,000), halves keep the depth
     * logarithmic.
     */
    private static BoundSql balanced(List<BoundSql> parts, String operator) {
        SqlBuilder out = new SqlBuilder();
        balanced(parts, 0, parts.size(), operator, out);
        return out.build();
    }

    private static void balanced(List<BoundSql> parts, int from, int to, String operator, SqlBuilder out) {
        if (to - from == 1) {
            out.append(parts.get(from));
            return;
        }
        int middle = (from + to) >>> 1;
        out.append("(");
        balanced(parts, from, middle, operator, out);
        out.append(operator);
        balanced(parts, middle, to, operator, out);
        out.append(")");
    }

    private String column(StoredField field) {
        return alias + "." + dialect.quote(field.name());
    }

    /**
     * Through the field's full-text index when it has one, else as the dialect's scan; the
     * capability table says whether either is native for this field.
     */
    private BoundSql match(StoredField field, Expr.Leaf leaf) {
        if (!dialect.capabilities().isNative(field.dtype(), field.strategy(), Ops.MATCH, field.fullText())) {
            throw unsupported(field, Op.MATCH);
        }
        List<String> words = leaf.value() instanceof String
                ? new ArrayList<>(new LinkedHashSet<>(TextMatch.words((String) leaf.value()))) : List.of();
        if (words.isEmpty()) {
            return BoundSql.of(dialect.falseCondition());
        }
        FullTextIndex fullText = dialect.fullText();
        if (field.fullText() && fullText != null) {
            return fullText.matches(tables, alias, field, words);
        }
        BoundSql scan = dialect.matchScan(alias + "." + dialect.quote(field.name()), words);
        if (scan == null) {
            throw unsupported(field, Op.MATCH);
        }
        return scan;
    }

    private BoundSql arrayContains(StoredField field, String column, Expr.Leaf leaf) {
        DType element = field.dtype().element();
        if (field.strategy() == Strategy.SIDE_TABLE) {
            String value = comparable(element, "s." + dialect.quote("value"));
            return new SqlBuilder().append("EXISTS (SELECT 1 FROM ").append(tables.qualified(tables.side(field.name())))
                    .append(" s WHERE s.")
                    .append(dialect.quote("owner_id")).append(" = ").append(alias).append(".")
                    .append(dialect.quote(Names.OBJECT_ID)).append(" AND ").append(value).append(" = ")
                    .param(dialect.types().param(element, leaf.value())).append(")").build();
        }
        return new SqlBuilder().append("(").append(column).append(" IS NOT NULL AND ")
                .append(dialect.arrayContainsInline(column, element, leaf.value())).append(")").build();
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
