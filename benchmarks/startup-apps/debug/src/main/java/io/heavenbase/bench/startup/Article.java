package io.heavenbase.bench.startup;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import java.util.List;

/** The one entity of the startup app: text on main, tags, a vector on vec. */
@HeavenEntity("article")
public class Article {

    @Field("ShortText")
    public String title;

    @Field("LongText")
    public String body;

    @Field(value = "Array[ShortText]", defaultValue = "[]")
    public List<String> tags;

    @Field("Vector[8]")
    public float[] embedding;
}
