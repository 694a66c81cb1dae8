package io.heavenbase;

import java.util.List;

/**
 * The system entity {@code sys-catalog}: one row per stored object of every user entity, a
 * directory to search by name, description or tags before fetching the object itself with
 * {@code ws.get(targetEntity, targetId)}. Query it like any entity: {@code ws.query(Catalog.class)}.
 */
@HeavenEntity(value = Catalog.ENTITY_ID, desc = "directory of every stored object")
public class Catalog {

    public static final String ENTITY_ID = "sys-catalog";

    /** The catalog row's own key (derived from target entity and id). */
    @Field(value = "Identifier", name = "object_id")
    public String objectId;

    /** The object's {@code object_id}. */
    @Field(value = "Identifier", name = "target_id")
    public String targetId;

    /** The object's entity id. */
    @Field(value = "Identifier", name = "target_entity")
    public String targetEntity;

    /** The object's {@code name}, when its entity has one. */
    @Field("ShortText")
    public String name;

    /** The object's {@code desc} text field, when its entity has one. */
    @Field("MediumText")
    public String desc;

    /** The object's {@code tags}, when its entity has an {@code Array} field of that name. */
    @Field("Array[ShortText]")
    public List<String> tags;
}
