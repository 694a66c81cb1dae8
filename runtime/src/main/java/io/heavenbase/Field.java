package io.heavenbase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares an entity field and its logical type spelling, e.g. {@code @Field("Vector[2]")}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Field {

    /** The logical type, spelled as in {@link io.heavenbase.schema.DType#parse(String)}. */
    String value();

    /** The field name; empty means the Java field or record component name. */
    String name() default "";

    /** A description for humans and agents, shown in MetaSchema. */
    String desc() default "";

    /** Whether a written row must carry a non-null value. */
    boolean required() default false;

    /** A default as JSON text (e.g. {@code "[]"}, {@code "0"}, {@code "\"draft\""}); empty for none. */
    String defaultValue() default "";

    /**
     * Whether SQL backends keep a full-text index for {@code match} on this text field:
     * {@link FullText#DEFAULT} (on for {@code LongText}, off otherwise), {@link FullText#ON} or
     * {@link FullText#OFF}. {@code match} answers the same either way; the index makes it fast and
     * costs write time.
     */
    FullText fullText() default FullText.DEFAULT;

    /**
     * The analyzer {@code match} and {@code search} use on this text field, by {@link TextAnalyzer#id() name}:
     * {@code "standard"} (the default) or {@code "english"}; empty means the default. An unknown name, or an
     * analyzer on a field that is not ShortText, MediumText or LongText, is a {@link ValidationException}.
     */
    String analyzer() default "";
}
