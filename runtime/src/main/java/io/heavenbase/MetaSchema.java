package io.heavenbase;

/**
 * The system entity {@code sys-metaschema}: the structure of the workspace as rows. {@code kind}
 * is {@code entity} (one per registered entity), {@code field} (one per field placement, with
 * dtype, backend, strategy and, for text fields, whether that backend is asked to keep a full-text
 * index and the field's analyzer) or {@code backend} (one per configured backend, with its type in
 * {@code dtype}). Query it like any entity: {@code ws.query(MetaSchema.class)}.
 */
@HeavenEntity(value = MetaSchema.ENTITY_ID, desc = "structure of the workspace")
public class MetaSchema {

    public static final String ENTITY_ID = "sys-metaschema";

    @Field(value = "Identifier", name = "object_id")
    public String objectId;

    /** The entity id, or the backend name for {@code backend} rows. */
    @Field(value = "Identifier", name = "subject_id")
    public String subjectId;

    @Field("Categorical[entity,field,backend]")
    public String kind;

    @Field("Identifier")
    public String entity;

    @Field("ShortText")
    public String field;

    /** The field's logical type; for {@code backend} rows, the backend type. */
    @Field("ShortText")
    public String dtype;

    @Field("ShortText")
    public String backend;

    @Field("ShortText")
    public String strategy;

    @Field("MediumText")
    public String desc;

    /**
     * For {@code field} rows of text fields: whether the field's full-text switch is on for this
     * placement (see {@link FullText}); null otherwise.
     */
    @Field(value = "Boolean", name = "full_text")
    public Boolean fullText;

    /**
     * For {@code field} rows of text fields: the field's {@link TextAnalyzer} ({@code standard} or {@code english});
     * null otherwise. Changing it is schema drift, as changing the type is.
     */
    @Field("ShortText")
    public String analyzer;
}
