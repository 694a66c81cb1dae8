package io.heavenbase.backend.sql;

import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.StoredField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the live parts of the dialect test suite ({@link DialectTypesContract}, {@link DialectFilterContract},
 * {@link DialectMatchContract}): a fresh backend from the dialect's {@link #open()} hook before each case, closed
 * after it, and the layout and row helpers the cases share.
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

    /** See {@link TestLayouts#inline}. */
    protected static StoredField inline(String name, String dtype) {
        return TestLayouts.inline(name, dtype);
    }

    /** See {@link TestLayouts#indexed}. */
    protected static StoredField indexed(String name, String dtype) {
        return TestLayouts.indexed(name, dtype);
    }

    /** See {@link TestLayouts#side}. */
    protected static StoredField side(String name, String dtype) {
        return TestLayouts.side(name, dtype);
    }

    /** See {@link TestLayouts#layout}. */
    protected static EntityLayout layout(String entity, StoredField... fields) {
        return TestLayouts.layout(entity, fields);
    }

    /** A row of canonical values from alternating field names and raw values, normalised by each field's dtype. */
    protected static Map<String, Object> row(EntityLayout layout, String id, Object... namesAndValues) {
        return TestLayouts.row(layout, id, namesAndValues);
    }
}
