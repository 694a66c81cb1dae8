package io.heavenbase.engine;

import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.FieldSchema;

/** Describes the first difference between two definitions of one entity, for error messages. */
final class SchemaDifference {

    private SchemaDifference() {
    }

    static String describe(EntitySchema registered, EntitySchema offered) {
        for (FieldSchema field : registered.fields()) {
            FieldSchema other = offered.field(field.name());
            if (other == null) {
                return "field '" + field.name() + "' is missing from the new definition";
            }
            if (!field.equals(other)) {
                return "field '" + field.name() + "' was " + field + " and is now " + other;
            }
        }
        for (FieldSchema field : offered.fields()) {
            if (!registered.has(field.name())) {
                return "field '" + field.name() + "' is new";
            }
        }
        return "the entity description differs";
    }
}
