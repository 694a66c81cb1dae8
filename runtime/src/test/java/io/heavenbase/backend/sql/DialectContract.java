package io.heavenbase.backend.sql;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the live parts of the dialect test suite ({@link DialectFilterContract}, {@link DialectMatchContract}):
 * a fresh backend from the dialect's {@link #open()} hook before each case, closed after it, and the layout and row
 * helpers the cases share.
 */
public abstract class DialectContract {

    /** The backend of the running case. */
    protected SqlBackend backend;
    private OpenedBackend opened;

    /** Opens a fresh, empty backend of the dialect under test for one case. */
    protected abstract OpenedBackend open();

    @BeforeEach
    void openDialectBackend() {
        opened = open();
        backend = opened.backend();
    }

    @AfterEach
    void closeDialectBackend() {
        if (opened != null) {
            opened.close();
        }
    }

    /** The ids a fragment selects, in result order. */
    protected List<String> ids(EntityLayout layout, Fragment fragment) {
        return backend.execute(layout, fragment).stream().map(Hit::objectId).toList();
    }

    protected static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }

    /** An inline field with its full-text switch on, whatever its type's default. */
    protected static StoredField indexed(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN, true);
    }

    protected static StoredField side(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.SIDE_TABLE);
    }

    protected static EntityLayout layout(String entity, StoredField... fields) {
        return new EntityLayout(entity, List.of(fields));
    }

    /** A row of canonical values from alternating field names and raw values, normalised by each field's dtype. */
    protected static Map<String, Object> row(EntityLayout layout, String id, Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(Names.OBJECT_ID, id);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String field = (String) namesAndValues[i];
            row.put(field, layout.field(field).dtype().normalize(namesAndValues[i + 1], layout.entityId(), field));
        }
        return row;
    }
}
