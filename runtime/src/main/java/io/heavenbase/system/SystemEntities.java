package io.heavenbase.system;

import io.heavenbase.Catalog;
import io.heavenbase.MetaSchema;
import io.heavenbase.schema.EntitySchema;
import java.util.List;

/**
 * Schemas of the system entities. They are built here (not from annotations) so the engine does
 * not depend on reflection for its own structures; the public classes mirror them for mapping.
 */
public final class SystemEntities {

    public static final String JOURNAL_ID = "sys-journal";

    private SystemEntities() {
    }

    /**
     * The columns of the {@code sys-catalog} view. No backend stores it: its rows are derived from
     * the entities' own rows when it is read (a workspace of an earlier version may still hold a
     * stored table of this shape, see {@link LegacyCatalogTable}).
     */
    public static EntitySchema catalog() {
        return EntitySchema.builder(Catalog.ENTITY_ID)
                .desc("directory of every stored object")
                .field("object_id", "Identifier")
                .field("target_id", "Identifier")
                .field("target_entity", "Identifier")
                .field("name", "ShortText")
                .field("desc", "MediumText")
                .field("tags", "Array[ShortText]")
                .build();
    }

    public static EntitySchema metaSchema() {
        return EntitySchema.builder(MetaSchema.ENTITY_ID)
                .desc("structure of the workspace")
                .field("object_id", "Identifier")
                .field("subject_id", "Identifier")
                .field("kind", "Categorical[entity,field,backend]")
                .field("entity", "Identifier")
                .field("field", "ShortText")
                .field("dtype", "ShortText")
                .field("backend", "ShortText")
                .field("strategy", "ShortText")
                .field("desc", "MediumText")
                .field("full_text", "Boolean")
                .field("analyzer", "ShortText")
                .build();
    }

    /** Journal of multi-backend writes in flight; see {@link WriteJournal}. */
    public static EntitySchema journal() {
        return EntitySchema.builder(JOURNAL_ID)
                .desc("multi-backend writes that have not completed")
                .field("object_id", "Identifier")
                .field("seq", "Integer")
                .field("op", "Categorical[upsert,delete]")
                .field("entity", "Identifier")
                .field("ids", "Json")
                .field("payload", "Json")
                .field("supersedes", "Identifier")
                .build();
    }

    /** The system entities stored on the workspace's default backend, created at open and after drop. */
    public static List<EntitySchema> stored() {
        return List.of(metaSchema(), journal());
    }

    public static boolean isSystem(String entityId) {
        return entityId.startsWith("sys-");
    }
}
