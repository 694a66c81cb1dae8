package io.heavenbase.backend.sql;

import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The read-side shape of a fetch, kept per entity part and requested field list so that a point
 * read does not rebuild it: the part's physical tables, the stored fields read (requested names
 * this part stores, in request order, without duplicates) and the SELECT text up to its WHERE.
 * Everything here follows from the layout and the field names alone; entries of a layout are
 * dropped when the backend ensures or drops it, and the whole cache is emptied past
 * {@value #MAX_ENTRIES} entries (a workspace has a handful of shapes, so that bound is only a
 * guard against unbounded field lists).
 */
final class FetchShapes {

    static final int MAX_ENTRIES = 256;

    /** A fetch's tables, stored fields and {@code SELECT object_id, <fields> FROM <table> WHERE }. */
    record Shape(SqlTables tables, List<StoredField> fields, String selectPrefix) {
    }

    /** Layouts compare by identity (a layout is immutable; a new registration makes a new one). */
    private record Key(EntityLayout layout, List<String> fields) {
    }

    private final SqlDialect dialect;
    private final Function<EntityLayout, SqlTables> tables;
    private final Map<Key, Shape> shapes = new ConcurrentHashMap<>();

    FetchShapes(SqlDialect dialect, Function<EntityLayout, SqlTables> tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    /** The shape of a fetch of {@code fields} (names this part does not store are left out). */
    Shape shape(EntityLayout layout, Collection<String> fields) {
        Key key = new Key(layout, List.copyOf(fields));
        Shape shape = shapes.get(key);
        if (shape == null) {
            shape = build(layout, key.fields());
            if (shapes.size() >= MAX_ENTRIES) {
                shapes.clear();
            }
            shapes.put(key, shape);
        }
        return shape;
    }

    /** Drops the shapes of {@code layout} (after its tables were created, altered or dropped). */
    void forget(EntityLayout layout) {
        shapes.keySet().removeIf(key -> key.layout() == layout);
    }

    /** Number of cached shapes, for tests. */
    int size() {
        return shapes.size();
    }

    private Shape build(EntityLayout layout, List<String> names) {
        List<StoredField> stored = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            StoredField field = layout.field(name);
            if (field != null) {
                stored.add(field);
            }
        }
        SqlTables physical = tables.apply(layout);
        StringBuilder select = new StringBuilder("SELECT ").append(dialect.quote(Names.OBJECT_ID));
        for (StoredField field : stored) {
            select.append(", ").append(dialect.quote(field.name()));
        }
        select.append(" FROM ").append(physical.qualified(physical.entity())).append(" WHERE ");
        return new Shape(physical, List.copyOf(stored), select.toString());
    }
}
