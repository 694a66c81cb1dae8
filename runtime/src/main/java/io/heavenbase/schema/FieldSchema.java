package io.heavenbase.schema;

import io.heavenbase.FullText;
import io.heavenbase.TextAnalyzer;
import io.heavenbase.ValidationException;
import java.util.Objects;

/**
 * One field of an entity: its name, logical type, description, whether it is required, its default,
 * its full-text switch, its analyzer (text fields) and (optionally) an explicit placement
 * ({@code store(to, strategy)}). Fields without a placement are placed by the workspace's rules. Immutable.
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
    private final TextAnalyzer analyzer;

    FieldSchema(String name, DType dtype, String desc, boolean required, Object defaultValue, String backend,
            Strategy strategy, FullText fullText) {
        this(name, dtype, desc, required, defaultValue, backend, strategy, fullText, TextAnalyzer.STANDARD);
    }

    FieldSchema(String name, DType dtype, String desc, boolean required, Object defaultValue, String backend,
            Strategy strategy, FullText fullText, TextAnalyzer analyzer) {
        this.name = name;
        this.dtype = dtype;
        this.desc = desc == null ? "" : desc;
        this.required = required;
        this.defaultValue = defaultValue;
        this.backend = backend;
        this.strategy = strategy;
        this.fullText = fullText;
        this.analyzer = analyzer;
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

    /**
     * The analyzer {@code match} and {@code search} use on this field: {@link TextAnalyzer#STANDARD} unless set
     * (always standard for a field that is not text).
     */
    public TextAnalyzer analyzer() {
        return analyzer;
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
                && fullText == other.fullText && analyzer == other.analyzer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, required, backend, strategy, fullText, analyzer);
    }

    @Override
    public String toString() {
        return name + ":" + dtype + (backend == null && strategy == null ? ""
                : "@" + (backend == null ? "*" : backend) + "/" + (strategy == null ? "*" : strategy.id()))
                + (fullText == FullText.DEFAULT ? "" : " full_text=" + (fullText == FullText.ON))
                + (analyzer == TextAnalyzer.STANDARD ? "" : " analyzer=" + analyzer.id());
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
        private String analyzer;

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

        /**
         * The analyzer of this text field by name ({@code standard}, the default, or {@code english}); null or
         * empty leaves it unset. An unknown name, or any analyzer on a field that is not ShortText, MediumText or
         * LongText, fails {@code build} with a {@link ValidationException} (rule {@code analyzer}).
         */
        public Builder analyzer(String name) {
            this.analyzer = name == null || name.isEmpty() ? null : name;
            return this;
        }

        /** The analyzer of this text field; null leaves it unset. */
        public Builder analyzer(TextAnalyzer analyzer) {
            return analyzer(analyzer == null ? null : analyzer.id());
        }

        FieldSchema build() {
            if (fullText == FullText.ON && !dtype.kind().isText()) {
                throw new ValidationException(entity, name, "full_text", "entity '" + entity + "' field '" + name
                        + "' (" + dtype + ") cannot have a full-text index: match applies only to ShortText, "
                        + "MediumText and LongText");
            }
            TextAnalyzer resolved = resolveAnalyzer();
            Object normalizedDefault = defaultValue == null ? null : dtype.normalize(defaultValue, entity, name);
            return new FieldSchema(name, dtype, desc, required, normalizedDefault, backend, strategy, fullText,
                    resolved);
        }

        private TextAnalyzer resolveAnalyzer() {
            if (analyzer == null) {
                return TextAnalyzer.STANDARD;
            }
            TextAnalyzer known = TextAnalyzer.named(analyzer);
            if (known == null) {
                throw new ValidationException(entity, name, "analyzer", "fields." + name + ".analyzer of entity '"
                        + entity + "': unknown analyzer '" + Names.shorten(analyzer) + "'; known: "
                        + TextAnalyzer.known());
            }
            if (!dtype.kind().isText()) {
                throw new ValidationException(entity, name, "analyzer", "fields." + name + ".analyzer of entity '"
                        + entity + "': field '" + name + "' (" + dtype + ") cannot have an analyzer: analyzers apply"
                        + " only to ShortText, MediumText and LongText");
            }
            return known;
        }
    }
}
