package io.heavenbase.system;

/**
 * One {@code field} row of {@code sys-metaschema}: how a field of an entity was stored when the
 * entity was last registered.
 *
 * @param field the field name
 * @param dtype the field's logical type, as {@link io.heavenbase.schema.DType#toString()} spells it
 * @param backend the backend holding this placement
 * @param strategy the storage strategy id, e.g. {@code InlineColumn}
 * @param analyzer the text field's analyzer name; null for other fields, and for text fields registered before
 *     analyzers were recorded (they had the {@code standard} one)
 */
public record StoredFieldRow(String field, String dtype, String backend, String strategy, String analyzer) {

    /** A row without an analyzer. */
    public StoredFieldRow(String field, String dtype, String backend, String strategy) {
        this(field, dtype, backend, strategy, null);
    }
}
