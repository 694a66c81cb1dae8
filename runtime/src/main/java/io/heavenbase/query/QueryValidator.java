package io.heavenbase.query;

import io.heavenbase.Fusion;
import io.heavenbase.Metric;
import io.heavenbase.ValidationException;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.schema.InputLimits;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.StorableText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks a query against the entity schema and returns it with every value in canonical form.
 *
 * <p>Filter leaves (error field {@code filter.<field>.$<op>}): the field must exist (rule
 * {@code unknown_field}) and the operator must apply to its dtype per {@link Ops#applies} (rule
 * {@code operator}). Values are normalised with the field's {@link DType#normalize}: {@code eq ne}
 * and each element of {@code in nin} (a list) as the field's value; {@code lt lte gt gte} likewise,
 * except that on text-valued kinds (text, Identifier, Categorical) any String is accepted, since a
 * bound need not be a storable value; {@code array_contains} as the array's element; {@code match}
 * and {@code contained_in} need a String and {@code null} a Boolean (rule {@code type}). A null
 * value for any other operator is rejected (rule {@code null_value}: use {@code $null}).
 *
 * <p>Before any of this the filter is normalised by {@link FilterNormalizer} (limits on its size
 * and depth); an {@code in}/{@code nin} list holds at most {@link InputLimits#MAX_IN_VALUES}
 * values (rule {@code in_size}); text operands (range bounds, {@code match}, {@code contained_in})
 * follow the rule of stored text, {@link StorableText} (rules {@code nul_char}, {@code unicode}).
 *
 * <p>{@code near}: the field must be a Vector ({@code near.field}), the vector is normalised by the
 * dtype (wrong length or non-finite values are rejected, {@code near.vector}), top_k must be at
 * least 1 ({@code near.top_k}); a missing metric becomes cosine. {@code select[i]} must name a
 * field, or {@code score} with near; {@code order_by[i]} must name a field the dtype can order
 * ({@link Ops#ORDER}), or {@code score} with near. {@code offset} and {@code limit} must not be
 * negative.
 */
public final class QueryValidator {

    private static final int FIELDS_LISTED = 12;

    private QueryValidator() {
    }

    public static QuerySpec validate(EntitySchema schema, QuerySpec spec) {
        // normalised again after validation: numeric bounds may have become constants
        Expr filter = spec.filter() == null ? null
                : FilterNormalizer.normalize(expr(schema, FilterNormalizer.normalize(spec.filter())));
        if (filter instanceof Expr.And and && and.children().isEmpty()) {
            filter = null; // always true: no filter
        }
        NearSpec near = spec.near() == null ? null : near(schema, spec.near());
        SearchSpec search = spec.search() == null ? null : search(schema, spec.search());
        boolean hybrid = near != null && search != null;
        Fusion fusion = fusion(schema, spec.fusion(), hybrid);
        boolean ranked = near != null || search != null;
        List<String> select = new ArrayList<>();
        for (int i = 0; i < spec.select().size(); i++) {
            String path = "select[" + i + "]";
            String name = spec.select().get(i);
            if (Names.LEG_COLUMNS.contains(name) && !hybrid) {
                throw new ValidationException(schema.id(), path, "leg_without_hybrid", "'" + path + "' uses '" + name
                        + "', which exists only in a query with both search() and near()");
            }
            select.add(Names.LEG_COLUMNS.contains(name) ? name : column(schema, name, ranked, path));
        }
        List<SortKey> orderBy = new ArrayList<>();
        for (int i = 0; i < spec.orderBy().size(); i++) {
            orderBy.add(sortKey(schema, spec.orderBy().get(i), ranked, "order_by[" + i + "]"));
        }
        if (spec.offset() < 0) {
            throw new ValidationException(schema.id(), "offset", "negative",
                    "offset must not be negative, got " + spec.offset());
        }
        if (spec.limit() != null && spec.limit() < 0) {
            throw new ValidationException(schema.id(), "limit", "negative",
                    "limit must not be negative, got " + spec.limit());
        }
        return new QuerySpec(filter, near, select, orderBy, spec.offset(), spec.limit(), search, fusion);
    }

    private static Expr expr(EntitySchema schema, Expr expr) {
        if (expr instanceof Expr.And) {
            return new Expr.And(children(schema, ((Expr.And) expr).children()));
        }
        if (expr instanceof Expr.Or) {
            return new Expr.Or(children(schema, ((Expr.Or) expr).children()));
        }
        if (expr instanceof Expr.Not) {
            return new Expr.Not(expr(schema, ((Expr.Not) expr).child()));
        }
        return leaf(schema, (Expr.Leaf) expr);
    }

    private static List<Expr> children(EntitySchema schema, List<Expr> children) {
        List<Expr> out = new ArrayList<>();
        for (Expr child : children) {
            out.add(expr(schema, child));
        }
        return out;
    }

    private static Expr leaf(EntitySchema schema, Expr.Leaf leaf) {
        String path = "filter." + leaf.field() + ".$" + leaf.op().id();
        DType dtype = known(schema, leaf.field(), path).dtype();
        if (!Ops.applies(dtype, leaf.op().id())) {
            throw new ValidationException(schema.id(), path, "operator", "operator $" + leaf.op().id()
                    + " does not apply to field '" + leaf.field() + "' of entity '" + schema.id() + "' (type "
                    + dtype + "); it supports " + filterOps(dtype));
        }
        if (dtype.kind() == DType.Kind.INTEGER) {
            Expr exact = IntegerBounds.rewrite(leaf, schema.id(), path);
            if (exact != null) {
                return exact instanceof Expr.Leaf rewritten
                        ? new Expr.Leaf(leaf.field(), rewritten.op(), value(schema, dtype, rewritten, path)) : exact;
            }
        }
        return new Expr.Leaf(leaf.field(), leaf.op(), value(schema, dtype, leaf, path));
    }

    private static Object value(EntitySchema schema, DType dtype, Expr.Leaf leaf, String path) {
        Object value = leaf.value();
        switch (leaf.op()) {
            case NULL:
                return requireType(schema, value, Boolean.class, path, "true (is null) or false (is not null)");
            case MATCH:
            case CONTAINED_IN:
            case CONTAINS:
                return storable(schema, requireType(schema, value, String.class, path, "a String"), path);
            default:
                break;
        }
        if (value == null) {
            throw new ValidationException(schema.id(), path, "null_value", "'" + path
                    + "' needs a value; to test for null use {\"$null\": true}");
        }
        switch (leaf.op()) {
            case IN:
            case NIN:
                return list(schema, dtype, value, path);
            case ARRAY_CONTAINS:
                return dtype.element().normalize(value, schema.id(), path);
            case LT:
            case LTE:
            case GT:
            case GTE:
                if (value instanceof UUID) {
                    value = value.toString();
                }
                return dtype.kind().isStringValued()
                        ? storable(schema, requireType(schema, value, String.class, path, "a String"), path)
                        : dtype.normalize(value, schema.id(), path);
            default:
                return dtype.normalize(value, schema.id(), path);
        }
    }

    private static List<Object> list(EntitySchema schema, DType dtype, Object value, String path) {
        if (!(value instanceof Collection)) {
            throw new ValidationException(schema.id(), path, "type", "'" + path + "' needs a list of values, got "
                    + Names.shorten(value));
        }
        int size = ((Collection<?>) value).size();
        if (size > InputLimits.MAX_IN_VALUES) {
            throw new ValidationException(schema.id(), path, "in_size", "'" + path + "' has " + size
                    + " values; at most " + InputLimits.MAX_IN_VALUES + " are allowed");
        }
        List<Object> out = new ArrayList<>(size);
        int i = 0;
        for (Object element : (Collection<?>) value) {
            String at = path + "[" + i++ + "]";
            if (element == null) {
                throw new ValidationException(schema.id(), at, "null_value", "'" + at
                        + "' is null; to test for null use {\"$null\": true}");
            }
            out.add(dtype.normalize(element, schema.id(), at));
        }
        return out;
    }

    private static Object requireType(EntitySchema schema, Object value, Class<?> type, String path,
            String expected) {
        if (!type.isInstance(value)) {
            throw new ValidationException(schema.id(), path, "type", "'" + path + "' of entity '" + schema.id()
                    + "' needs " + expected + ", got " + (value == null ? "null" : Names.shorten(value)));
        }
        return value;
    }

    /** A text operand by the rule of stored text ({@link StorableText}), so every backend compares the same. */
    private static Object storable(EntitySchema schema, Object text, String path) {
        StorableText.Problem problem = StorableText.problem((String) text);
        if (problem != null) {
            throw new ValidationException(schema.id(), path, problem.rule(), "'" + path + "' of entity '"
                    + schema.id() + "': " + problem.reason());
        }
        return text;
    }

    /** The fusion of a hybrid query (RRF when none is given); a fusion without both legs is an error. */
    private static Fusion fusion(EntitySchema schema, Fusion fusion, boolean hybrid) {
        if (fusion == null) {
            return hybrid ? Fusion.rrf() : null;
        }
        if (!hybrid) {
            throw new ValidationException(schema.id(), "fusion", "fusion_without_hybrid",
                    "fusion needs a query with both search() and near()");
        }
        if (fusion.method() == null) {
            throw new ValidationException(schema.id(), "fusion.method", "fusion", "fusion needs a method: rrf or"
                    + " weighted");
        }
        if (fusion.method() == Fusion.Method.RRF && fusion.rankConstant() < 1) {
            throw new ValidationException(schema.id(), "fusion.k", "fusion",
                    "fusion.k (RRF's rank constant) must be at least 1, got " + fusion.rankConstant());
        }
        if (fusion.method() == Fusion.Method.WEIGHTED) {
            weight(schema, fusion.searchWeight(), "fusion.search");
            weight(schema, fusion.nearWeight(), "fusion.near");
            if (fusion.searchWeight() + fusion.nearWeight() <= 0) {
                throw new ValidationException(schema.id(), "fusion", "fusion",
                        "weighted fusion needs a positive weight for at least one leg");
            }
        }
        return fusion;
    }

    private static void weight(EntitySchema schema, double weight, String path) {
        if (!Double.isFinite(weight) || weight < 0) {
            throw new ValidationException(schema.id(), path, "fusion",
                    path + " must be a finite number of at least 0, got " + weight);
        }
    }

    private static SearchSpec search(EntitySchema schema, SearchSpec search) {
        FieldSchema field = known(schema, search.field(), "search.field");
        DType dtype = field.dtype();
        if (!dtype.kind().isText()) {
            throw new ValidationException(schema.id(), "search.field", "operator", "search needs a text field, but '"
                    + search.field() + "' of entity '" + schema.id() + "' is " + dtype);
        }
        if (search.text() == null) {
            throw new ValidationException(schema.id(), "search.text", "null_value", "search needs a query text");
        }
        if (search.text().length() > InputLimits.MAX_SEARCH_TEXT_CHARS) {
            throw new ValidationException(schema.id(), "search.text", "too_long", "search.text has "
                    + search.text().length() + " characters; at most " + InputLimits.MAX_SEARCH_TEXT_CHARS
                    + " are allowed");
        }
        if (search.topK() < 1) {
            throw new ValidationException(schema.id(), "search.top_k", "top_k",
                    "search.top_k must be at least 1, got " + search.topK());
        }
        if (search.text().isBlank()) {
            throw new ValidationException(schema.id(), "search.text", "empty",
                    "search.text is empty or only white space");
        }
        if (TextAnalyzers.terms(TextAnalyzers.of(field), search.text()).isEmpty()) {
            throw new ValidationException(schema.id(), "search.text", "no_terms", "search.text "
                    + Names.shorten(search.text()) + " has no terms under the " + field.analyzer().id()
                    + " analyzer of field '" + field.name() + "' (only separators"
                    + (field.analyzer() == io.heavenbase.TextAnalyzer.STANDARD ? "" : " or stop words") + ")");
        }
        return search;
    }

    private static NearSpec near(EntitySchema schema, NearSpec near) {
        DType dtype = known(schema, near.field(), "near.field").dtype();
        if (dtype.kind() != DType.Kind.VECTOR) {
            throw new ValidationException(schema.id(), "near.field", "operator", "near needs a Vector field, but '"
                    + near.field() + "' of entity '" + schema.id() + "' is " + dtype);
        }
        if (near.vector() == null) {
            throw new ValidationException(schema.id(), "near.vector", "null_value", "near needs a query vector");
        }
        float[] vector = (float[]) dtype.normalize(near.vector(), schema.id(), "near.vector");
        if (near.topK() < 1) {
            throw new ValidationException(schema.id(), "near.top_k", "top_k",
                    "near.top_k must be at least 1, got " + near.topK());
        }
        return new NearSpec(near.field(), vector, near.topK(), near.metric() == null ? Metric.COSINE : near.metric());
    }

    private static String column(EntitySchema schema, String name, boolean hasNear, String path) {
        if (Names.SCORE.equals(name)) {
            requireNear(schema, hasNear, path);
            return name;
        }
        known(schema, name, path);
        return name;
    }

    private static SortKey sortKey(EntitySchema schema, SortKey key, boolean hasNear, String path) {
        if (Names.SCORE.equals(key.field())) {
            requireNear(schema, hasNear, path);
            return key;
        }
        DType dtype = known(schema, key.field(), path).dtype();
        if (!Ops.applies(dtype, Ops.ORDER)) {
            throw new ValidationException(schema.id(), path, "unorderable", "cannot order by field '" + key.field()
                    + "' of entity '" + schema.id() + "': type " + dtype + " has no order");
        }
        return key;
    }

    private static void requireNear(EntitySchema schema, boolean hasNear, String path) {
        if (!hasNear) {
            throw new ValidationException(schema.id(), path, "score_without_near",
                    "'" + path + "' uses 'score', which exists only in a near() or search() query");
        }
    }

    private static FieldSchema known(EntitySchema schema, String name, String path) {
        FieldSchema field = name == null ? null : schema.field(name);
        if (field == null) {
            List<String> names = schema.fieldNames();
            String listed = names.stream().limit(FIELDS_LISTED).collect(Collectors.joining(", "))
                    + (names.size() > FIELDS_LISTED ? ", ... (" + (names.size() - FIELDS_LISTED) + " more)" : "");
            throw new ValidationException(schema.id(), path, "unknown_field", "unknown field '" + Names.shorten(name)
                    + "' at '" + path + "' in entity '" + schema.id() + "'; fields: " + listed);
        }
        return field;
    }

    private static String filterOps(DType dtype) {
        return Ops.applicable(dtype).stream()
                .filter(op -> !op.equals(Ops.NEAR) && !op.equals(Ops.SEARCH) && !op.equals(Ops.ORDER))
                .map(op -> "$" + op)
                .collect(Collectors.joining(" "));
    }
}
