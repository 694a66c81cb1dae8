package io.heavenbase.schema;

import io.heavenbase.FullText;
import io.heavenbase.ValidationException;
import java.util.Objects;

/**
 * One field of an entity: its name, logical type, description, whether it is required, its default,
 * its full-text switch and (optionally) an explicit placement ({@code store(to, strategy)}). Fields
 * without a placement are placed by the workspace's rules. Immutable.
 */
public final class FieldSchema {

    private final String name;
    private final DType dtype;
    private final String desc;
    private final boolean required;
    private final Object defaultValue;
    private final String backend;
    private final Strategy strategy;
    private final FullText fullText;

    FieldSchema(String name, DType dtype, String desc, boolean required, Object defaultValue, String backend,
            Strategy strategy, FullText fullText) {
        this.name = name;
        this.dtype = dtype;
        this.desc = desc == null ? "" : desc;
        this.required = required;
        this.defaultValue = defaultValue;
        this.backend = backend;
        this.strategy = strategy;
        this.fullText = fullText;
    }

    public String name() {
        return name;
    }

    public DType dtype() {
        return dtype;
    }

    public String desc() {
        return desc;
    }

    public boolean required() {
        return required;
    }

    /** The canonical default value (already normalised to the dtype), or {@code null}. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The explicitly chosen backend name, or {@code null} when placement rules decide. */
    public String backend() {
        return backend;
    }

    /** The explicitly chosen strategy, or {@code null} for the dtype's default. */
    public Strategy strategy() {
        return strategy;
    }

    /** The full-text switch as declared; {@link FullText#DEFAULT} unless set. */
    public FullText fullTextSetting() {
        return fullText;
    }

    /** Whether the field is full-text indexed for {@code match}: the switch resolved for the dtype. */
    public boolean fullText() {
        return fullText.indexes(dtype);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FieldSchema)) {
            return false;
        }
        FieldSchema other = (FieldSchema) o;
        return name.equals(other.name) && dtype.equals(other.dtype) && desc.equals(other.desc)
                && required == other.required && DefaultValues.same(defaultValue, other.defaultValue)
                && Objects.equals(backend, other.backend) && strategy == other.strategy
                && fullText == other.fullText;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, required, backend, strategy, fullText);
    }

    @Override
    public String toString() {
        return name + ":" + dtype + (backend == null && strategy == null ? ""
                : "@" + (backend == null ? "*" : backend) + "/" + (strategy == null ? "*" : strategy.id()))
                + (fullText == FullText.DEFAULT ? "" : " full_text=" + (fullText == FullText.ON));
    }

    /** Fluent settings of one field, used by {@link EntitySchema.Builder#field(String, String, java.util.function.Consumer)}. */
    public static final class Builder {
        private final String entity;
        private final String name;
        private final DType dtype;
        private String desc = "";
        private boolean required;
        private Object defaultValue;
        private String backend;
        private Strategy strategy;
        private FullText fullText = FullText.DEFAULT;

        Builder(String entity, String name, DType dtype) {
            this.entity = entity;
            this.name = name;
            this.dtype = dtype;
        }

        public Builder desc(String desc) {
            this.desc = desc;
            return this;
        }

        public Builder required() {
            return required(true);
        }

        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        /** A default used when a written row lacks this field; validated against the dtype. */
        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        /** Places the field on backend {@code to} (a backend name) with the given strategy id. */
        public Builder store(String to, String strategy) {
            return store(to, strategy == null ? null : Strategy.parse(strategy));
        }

        public Builder store(String to, Strategy strategy) {
            this.backend = to == null ? null : Names.requireBackendName(to);
            this.strategy = strategy;
            return this;
        }

        /** Places the field on backend {@code to} with the dtype's default strategy. */
        public Builder store(String to) {
            return store(to, (Strategy) null);
        }

        public Builder strategy(String strategy) {
            this.strategy = Strategy.parse(strategy);
            return this;
        }

        /**
         * Switches the field's full-text index on or off, overriding the default (on for
         * {@code LongText} only). On is allowed only for text types, where {@code match} applies.
         */
        public Builder fullText(boolean on) {
            return fullText(FullText.of(on));
        }

        /** The full-text switch; {@link FullText#DEFAULT} decides by type. */
        public Builder fullText(FullText setting) {
            this.fullText = setting == null ? FullText.DEFAULT : setting;
            return this;
        }

        FieldSchema build() {
            if (fullText == FullText.ON && !dtype.kind().isText()) {
                throw new ValidationException(entity, name, "full_text", "entity '" + entity + "' field '" + name
                        + "' (" + dtype + ") cannot have a full-text index: match applies only to ShortText, "
                        + "MediumText and LongText");
            }
            Object normalizedDefault = defaultValue == null ? null : dtype.normalize(defaultValue, entity, name);
            return new FieldSchema(name, dtype, desc, required, normalizedDefault, backend, strategy, fullText);
        }
    }
}
