package io.heavenbase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Explicit placement of a field: which backend (by name) and which storage strategy. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Store {

    /** The backend name, e.g. {@code "vec"}; empty keeps the placement rules' choice. */
    String to() default "";

    /** The strategy id, e.g. {@code "VectorIndex"}; empty keeps the dtype's default. */
    String strategy() default "";
}
