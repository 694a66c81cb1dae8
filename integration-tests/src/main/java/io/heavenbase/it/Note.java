package io.heavenbase.it;

import java.util.List;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;

/**
 * A note of the demo: text columns on {@code main}, the vector on {@code vec}, the body also searchable on
 * {@code search} when the workspace has one.
 */
@HeavenEntity(value = "note", desc = "a short note with tags")
public class Note {

    /** The entity id, as declared above. */
    static final String ENTITY = "note";

    @Field("ShortText")
    public String title;

    @Field("LongText")
    public String body;

    @Field(value = "Array[ShortText]", defaultValue = "[]")
    public List<String> tags;

    @Field(value = "Vector[8]", desc = "TextVectors.embed(title + body)")
    public float[] embedding;
}
