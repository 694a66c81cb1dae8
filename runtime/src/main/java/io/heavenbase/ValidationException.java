package io.heavenbase;

/**
 * Invalid input: a value that breaks its field's type rule, an unknown field or operator, a bad
 * name. The message names the entity, the field (or query path), the rule and the offending value.
 */
public class ValidationException extends HeavenBaseException {

    private final String entity;
    private final String field;
    private final String rule;

    public ValidationException(String entity, String field, String rule, String message) {
        super(message);
        this.entity = entity;
        this.field = field;
        this.rule = rule;
    }

    public ValidationException(String message) {
        this(null, null, null, message);
    }

    /** The entity id the invalid input was meant for, or {@code null} when not entity-specific. */
    public String entity() {
        return entity;
    }

    /** The field (or query path such as {@code filter.price.$lt}) that is wrong, or {@code null}. */
    public String field() {
        return field;
    }

    /** A short name of the broken rule, for example {@code max_chars} or {@code unknown_field}. */
    public String rule() {
        return rule;
    }
}
