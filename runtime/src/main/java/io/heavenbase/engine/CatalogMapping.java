package io.heavenbase.engine;

import io.heavenbase.ValidationException;
import io.heavenbase.query.Evaluator;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.query.TextMatch;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.schema.Names;
import io.heavenbase.system.CatalogRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the {@code sys-catalog} columns of one entity's rows derive from that entity's fields (see
 * {@link CatalogRows#catalogRow}), and so how a catalog filter or ordering reads on the entity.
 *
 * <p>A catalog filter is rewritten into two filters on the entity: an upper bound (every row whose
 * catalog row satisfies the catalog filter satisfies it) and a lower bound (every row satisfying it
 * has a catalog row that satisfies the catalog filter). A leaf the entity expresses exactly gives
 * the same leaf for both; one it cannot (a text cut at the catalog's length, the hashed catalog
 * id, a Json {@code name}) gives {@code true} and {@code false}, or a weaker leaf for the upper
 * bound. {@code not} swaps the bounds. The upper bound is what is pushed to the backends; when the
 * two differ the engine re-checks the catalog filter on the derived rows.
 */
final class CatalogMapping {

    static final String OBJECT_ID = Names.OBJECT_ID;
    static final String TARGET_ID = "target_id";
    static final String TARGET_ENTITY = "target_entity";
    static final String NAME = "name";
    static final String DESC = "desc";
    static final String TAGS = "tags";

    private static final Expr TRUE = new Expr.And(List.of());
    private static final Expr FALSE = new Expr.Or(List.of());

    /** Where a catalog text or tags column comes from. */
    enum Source {
        /** The entity has no such field, or one whose values never give a catalog value: always null ({@code []} for tags). */
        NONE,
        /** The value itself. */
        COPY,
        /** The value cut to the catalog's length (texts), or without its too long elements (tags). */
        CUT,
        /** Only the value decides (a Json field, an array of non-text values): the engine evaluates. */
        OPAQUE
    }

    /** A catalog filter read on the entity: {@code upper} to push down, exact when equal to {@code lower}. */
    record Bounds(Expr upper, Expr lower) {

        boolean exact() {
            return upper.equals(lower);
        }

        /** Whether no row of the entity can satisfy the catalog filter. */
        boolean none() {
            return isFalse(upper);
        }

        /** The filter to push down; null when every row is a candidate. */
        Expr pushed() {
            return isTrue(upper) ? null : upper;
        }
    }

    private final EntitySchema schema;
    private final Source name;
    private final Source desc;
    private final Source tags;

    CatalogMapping(EntitySchema schema) {
        this.schema = schema;
        this.name = textSource(schema.field(NAME), CatalogRows.NAME_MAX_CHARS);
        this.desc = textSource(schema.field(DESC), CatalogRows.DESC_MAX_CHARS);
        this.tags = tagsSource(schema.field(TAGS));
    }

    EntitySchema schema() {
        return schema;
    }

    /** The entity fields whose values the catalog columns {@code columns} are derived from. */
    List<String> entityFields(Collection<String> columns) {
        Set<String> out = new LinkedHashSet<>();
        for (String column : columns) {
            if ((column.equals(NAME) && name != Source.NONE) || (column.equals(DESC) && desc != Source.NONE)
                    || (column.equals(TAGS) && tags != Source.NONE)) {
                out.add(column);
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The catalog ordering as an ordering of the entity's rows that sorts them exactly as their
     * catalog rows sort, up to ties; empty when there is none (a cut text, the hashed catalog id),
     * or when every key is constant on this entity (then the catalog id alone orders its rows).
     * A key on {@code target_id} ends the list, since object_id has no ties.
     */
    Optional<List<SortKey>> order(List<SortKey> catalogOrder) {
        List<SortKey> keys = new ArrayList<>();
        for (SortKey key : catalogOrder) {
            switch (key.field()) {
                case TARGET_ENTITY:
                    continue;
                case TARGET_ID:
                    keys.add(new SortKey(Names.OBJECT_ID, key.descending()));
                    return Optional.of(keys);
                case NAME:
                case DESC:
                    Source source = key.field().equals(NAME) ? name : desc;
                    if (source == Source.COPY) {
                        keys.add(key);
                    } else if (source != Source.NONE) {
                        return Optional.empty();
                    }
                    continue;
                default:
                    return Optional.empty();
            }
        }
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
    }

    /** The bounds of a validated catalog filter on this entity; null filter means every row. */
    Bounds rewrite(Expr filter) {
        return filter == null ? new Bounds(TRUE, TRUE) : bounds(filter);
    }

    private Bounds bounds(Expr expr) {
        if (expr instanceof Expr.And and) {
            List<Bounds> children = children(and.children());
            return new Bounds(and(children.stream().map(Bounds::upper).toList()),
                    and(children.stream().map(Bounds::lower).toList()));
        }
        if (expr instanceof Expr.Or or) {
            List<Bounds> children = children(or.children());
            return new Bounds(or(children.stream().map(Bounds::upper).toList()),
                    or(children.stream().map(Bounds::lower).toList()));
        }
        if (expr instanceof Expr.Not not) {
            Bounds child = bounds(not.child());
            return new Bounds(not(child.lower()), not(child.upper()));
        }
        return leaf((Expr.Leaf) expr);
    }

    private List<Bounds> children(List<Expr> children) {
        List<Bounds> out = new ArrayList<>(children.size());
        for (Expr child : children) {
            out.add(bounds(child));
        }
        return out;
    }

    private Bounds leaf(Expr.Leaf leaf) {
        switch (leaf.field()) {
            case TARGET_ENTITY:
                return constant(leaf, schema.id());
            case TARGET_ID:
                return leaf.op() == Op.NULL ? constant(leaf, "never null")
                        : exact(new Expr.Leaf(Names.OBJECT_ID, leaf.op(), leaf.value()));
            case OBJECT_ID:
                return leaf.op() == Op.NULL ? constant(leaf, "never null") : opaque();
            case NAME:
                return text(leaf, name, CatalogRows.NAME_MAX_CHARS);
            case DESC:
                return text(leaf, desc, CatalogRows.DESC_MAX_CHARS);
            case TAGS:
                return tags(leaf);
            default:
                throw new IllegalArgumentException("not a catalog column: " + leaf.field());
        }
    }

    private Bounds text(Expr.Leaf leaf, Source source, int maxChars) {
        if (source == Source.NONE) {
            return constant(leaf, null);
        }
        if (source == Source.OPAQUE) {
            return opaque();
        }
        DType dtype = schema.field(leaf.field()).dtype();
        boolean cut = source == Source.CUT;
        switch (leaf.op()) {
            case NULL:
                return exact(leaf);
            case EQ:
            case NE:
                if (cut && chars(leaf.value()) >= maxChars) {
                    return opaque();
                }
                // A value the entity cannot hold equals none of its values.
                return storable(dtype, leaf.value()) ? exact(leaf) : exact(leaf.op() == Op.EQ ? FALSE : TRUE);
            case IN:
            case NIN:
                List<Object> kept = new ArrayList<>();
                for (Object value : (List<?>) leaf.value()) {
                    if (cut && chars(value) >= maxChars) {
                        return opaque();
                    }
                    if (storable(dtype, value)) {
                        kept.add(value);
                    }
                }
                if (kept.isEmpty()) {
                    return exact(leaf.op() == Op.IN ? FALSE : TRUE);
                }
                return exact(new Expr.Leaf(leaf.field(), leaf.op(), kept));
            case LT:
            case GTE:
                // A text cut after maxChars compares with a bound of at most maxChars as the whole text does.
                return !cut || chars(leaf.value()) <= maxChars ? exact(leaf) : opaque();
            case LTE:
            case GT:
                return !cut || chars(leaf.value()) < maxChars ? exact(leaf) : opaque();
            case MATCH:
                // the catalog matches by the standard word rule; an entity field with another analyzer would not
                if (!io.heavenbase.capability.Ops.applies(dtype, io.heavenbase.capability.Ops.MATCH)
                        || schema.field(leaf.field()).analyzer() != io.heavenbase.TextAnalyzer.STANDARD) {
                    return opaque();
                }
                return cut ? new Bounds(allButOneWord(leaf), FALSE) : exact(leaf);
            default:
                return opaque();
        }
    }

    /**
     * An upper bound of {@code match} on a cut text: every word of the cut text is a word of the
     * whole text except perhaps the last, which may be the start of a longer word. So all the
     * query's words but at most one occur in the whole text.
     */
    private static Expr allButOneWord(Expr.Leaf leaf) {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(TextMatch.words((String) leaf.value())));
        if (words.size() < 2) {
            return words.isEmpty() ? FALSE : TRUE;
        }
        List<Expr> alternatives = new ArrayList<>();
        for (int left = 0; left < words.size(); left++) {
            List<String> others = new ArrayList<>(words);
            others.remove(left);
            alternatives.add(new Expr.Leaf(leaf.field(), Op.MATCH, String.join(" ", others)));
        }
        return or(alternatives);
    }

    private Bounds tags(Expr.Leaf leaf) {
        if (source(TAGS) == Source.NONE) {
            return constant(leaf, List.of());
        }
        if (leaf.op() == Op.NULL) {
            return constant(leaf, List.of());
        }
        if (tags == Source.OPAQUE) {
            return opaque();
        }
        DType element = schema.field(TAGS).dtype().element();
        switch (leaf.op()) {
            case ARRAY_CONTAINS:
                String tag = (String) leaf.value();
                if (tag.length() > CatalogRows.TAG_MAX_CHARS || !storable(element, tag)) {
                    return exact(FALSE);
                }
                return exact(leaf);
            case CONTAINED_IN:
                // Elements too long for the catalog are left out of it, so the entity may find more.
                return tags == Source.COPY ? exact(leaf) : new Bounds(leaf, FALSE);
            default:
                return opaque();
        }
    }

    private Source source(String column) {
        return column.equals(NAME) ? name : column.equals(DESC) ? desc : tags;
    }

    private static Source textSource(FieldSchema field, int maxChars) {
        if (field == null) {
            return Source.NONE;
        }
        DType dtype = field.dtype();
        if (dtype.kind() == DType.Kind.JSON) {
            return Source.OPAQUE;
        }
        if (!dtype.kind().isStringValued()) {
            return Source.NONE;
        }
        return longestCodePoints(dtype) <= maxChars ? Source.COPY : Source.CUT;
    }

    private static Source tagsSource(FieldSchema field) {
        if (field == null || field.dtype().kind() != DType.Kind.ARRAY) {
            return Source.NONE;
        }
        DType element = field.dtype().element();
        if (!element.kind().isStringValued()) {
            return Source.OPAQUE;
        }
        return longestUtf16(element) <= CatalogRows.TAG_MAX_CHARS ? Source.COPY : Source.CUT;
    }

    private static int longestCodePoints(DType dtype) {
        if (dtype.kind() == DType.Kind.CATEGORICAL) {
            return dtype.categories().stream().mapToInt(c -> c.codePointCount(0, c.length())).max().orElse(0);
        }
        return dtype.maxChars();
    }

    /** Longest value in UTF-16 chars: a code point takes at most two. */
    private static int longestUtf16(DType dtype) {
        if (dtype.kind() == DType.Kind.CATEGORICAL) {
            return dtype.categories().stream().mapToInt(String::length).max().orElse(0);
        }
        return dtype.maxChars() * 2;
    }

    private static int chars(Object text) {
        String value = (String) text;
        return value.codePointCount(0, value.length());
    }

    /** Whether {@code value} is a canonical value of {@code dtype}, which a stored value could equal. */
    private boolean storable(DType dtype, Object value) {
        try {
            return value.equals(dtype.normalize(value, schema.id(), "catalog"));
        } catch (ValidationException e) {
            return false;
        }
    }

    /** A leaf on a column whose value is the same for every row of the entity. */
    private static Bounds constant(Expr.Leaf leaf, Object value) {
        Map<String, Object> row = new HashMap<>();
        row.put(leaf.field(), value);
        return exact(Evaluator.test(leaf, row) ? TRUE : FALSE);
    }

    private static Bounds exact(Expr expr) {
        return new Bounds(expr, expr);
    }

    private static Bounds opaque() {
        return new Bounds(TRUE, FALSE);
    }

    private static Expr and(List<Expr> children) {
        List<Expr> kept = new ArrayList<>();
        for (Expr child : children) {
            if (isFalse(child)) {
                return FALSE;
            }
            if (!isTrue(child)) {
                kept.add(child);
            }
        }
        return kept.isEmpty() ? TRUE : kept.size() == 1 ? kept.get(0) : new Expr.And(kept);
    }

    private static Expr or(List<Expr> children) {
        List<Expr> kept = new ArrayList<>();
        for (Expr child : children) {
            if (isTrue(child)) {
                return TRUE;
            }
            if (!isFalse(child)) {
                kept.add(child);
            }
        }
        return kept.isEmpty() ? FALSE : kept.size() == 1 ? kept.get(0) : new Expr.Or(kept);
    }

    private static Expr not(Expr child) {
        return isTrue(child) ? FALSE : isFalse(child) ? TRUE : new Expr.Not(child);
    }

    private static boolean isTrue(Expr expr) {
        return expr instanceof Expr.And and && and.children().isEmpty();
    }

    private static boolean isFalse(Expr expr) {
        return expr instanceof Expr.Or or && or.children().isEmpty();
    }
}
