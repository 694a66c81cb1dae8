package io.heavenbase;

/**
 * How {@link Workspace#register(io.heavenbase.schema.EntitySchema, RegisterOption...)} treats an
 * entity whose stored structure (its {@code sys-metaschema} rows, written when it was last
 * registered) differs from the definition being registered.
 *
 * <p>Without an option, added fields are created and logged, while a field whose type changed or
 * that is no longer declared fails the registration with a {@link ValidationException} (rule
 * {@code schema_drift}) naming the entity, the field, the stored type and the new type.
 */
public enum RegisterOption {

    /**
     * Accept a changed type or a removed field by rewriting the entity: its rows are read, its
     * structures dropped and created again from the new definition, and the rows written back.
     * Values of a field whose type changed are lost (the field is null, or its default, in every
     * row); values of a removed field are deleted with its column. A row that the new definition
     * rejects (a changed field that is required and has no default) fails the migration before
     * anything is dropped. The rows are held in memory while the entity is rewritten.
     */
    MIGRATE
}
