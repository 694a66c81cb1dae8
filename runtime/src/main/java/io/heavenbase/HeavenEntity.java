package io.heavenbase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as a HeavenBase entity. In Quarkus, annotated classes are discovered at
 * build time and registered with the injected {@link Workspace} at startup.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HeavenEntity {

    /** The entity id (kebab-case); empty means the kebab-case simple class name. */
    String value() default "";

    /** A description shown in MetaSchema. */
    String desc() default "";
}
