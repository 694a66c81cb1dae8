package io.heavenbase.system;

import io.heavenbase.Catalog;
import io.heavenbase.routing.StoragePlan;
import java.lang.System.Logger.Level;

/**
 * The stored {@code sys-catalog} table that versions before the catalog became a view created on
 * the default backend. Such a version also described the table in {@code sys-metaschema}; that
 * row is how a workspace opened by this version recognises it, without probing the store for a
 * table (which some stores answer only with an error). The table is dropped, since nothing reads or
 * updates it any more, and its metaschema rows go with it.
 */
public final class LegacyCatalogTable {

    private static final System.Logger LOG = System.getLogger(LegacyCatalogTable.class.getName());

    private LegacyCatalogTable() {
    }

    /**
     * Drops the table when {@code metaSchema} says an earlier version created it and logs that it
     * did; does nothing otherwise.
     *
     * @param plan where an earlier version stored the table: {@link SystemEntities#catalog()} as
     *     the placement rules place it (wholly on the default backend)
     * @param table that table on the default backend
     * @return whether a table was dropped
     */
    public static boolean dropIfPresent(String workspace, StoragePlan plan, SystemTable table,
            MetaSchemaWriter metaSchema) {
        if (!metaSchema.describes(plan)) {
            return false;
        }
        table.drop();
        metaSchema.forget(plan);
        LOG.log(Level.INFO, "workspace ''{0}'': dropped the stored {1} table an earlier version created on backend "
                + "''{2}''; the catalog is now derived from the entities'' own rows", workspace, Catalog.ENTITY_ID,
                table.backend().name());
        return true;
    }
}
