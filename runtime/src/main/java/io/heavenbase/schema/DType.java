package io.heavenbase.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A logical type, spelled exactly as in HeavenBase: {@code ShortText}, {@code Vector[3]},
 * {@code Categorical[a,b,c]}, {@code LongText(max_chars=100)}, {@code Identifier[author]},
 * {@code Array[Integer]}, {@code HyperG[slot:ShortText,value:ShortText,topic:ShortText]} ...
 * Immutable; equal when their canonical spelling ({@link #toString()}) is equal.
 *
 * <p>Spellings are whitespace tolerant and accept the quoted forms of the Python library
 * ({@code Identifier["author"]}, {@code HyperG["target": Identifier[term], "rel": ShortText]},
 * {@code Timestamp(unit="ms")}). Canonical spellings: a bare {@code Array} is
 * {@code Array[ShortText]}; a {@code HyperG} with the default columns is {@code HyperG};
 * {@code LongText(max_chars=65535)} is {@code LongText}; {@code Timestamp(unit=ms)} is
 * {@code Timestamp}; Categorical values are quoted only when they contain separators.
 *
 * <p>Text lengths ({@link #maxChars()}) count Unicode code points, so an emoji counts as one
 * character whatever the storage encoding. Timestamps keep millisecond precision (finer parts are
 * truncated) so every store, SQL or not, holds and compares the same instant.
 */
public final class DType {

    /** The fifteen logical type families. */
    public enum Kind {
        IDENTIFIER("Identifier"),
        SHORT_TEXT("ShortText"),
        MEDIUM_TEXT("MediumText"),
        LONG_TEXT("LongText"),
        INTEGER("Integer"),
        FLOAT("Float"),
        BOOLEAN("Boolean"),
        CATEGORICAL("Categorical"),
        TIMESTAMP("Timestamp"),
        DATE("Date"),
        ARRAY("Array"),
        VECTOR("Vector"),
        JSON("Json"),
        HYPERG("HyperG"),
        ARTIFACT("Artifact");

        private final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }

        /** The type name as written in annotations and JSON definitions. */
        public String spelling() {
            return spelling;
        }

        /** True for the four text kinds plus Identifier and Categorical (values are strings). */
        public boolean isStringValued() {
            return this == IDENTIFIER || this == SHORT_TEXT || this == MEDIUM_TEXT || this == LONG_TEXT
                    || this == CATEGORICAL;
        }

        /** True for the free-text kinds, the ones {@code match} applies to: ShortText, MediumText, LongText. */
        public boolean isText() {
            return this == SHORT_TEXT || this == MEDIUM_TEXT || this == LONG_TEXT;
        }

        /** True for kinds whose values are totally ordered (text, numbers, time). */
        public boolean isOrdered() {
            return isStringValued() || this == INTEGER || this == FLOAT || this == TIMESTAMP || this == DATE
                    || this == BOOLEAN;
        }

        /** True for kinds stored as one scalar value (not Array, Vector, Json, HyperG, Artifact). */
        public boolean isScalar() {
            return isOrdered();
        }
    }

    /** Largest accepted {@code Vector[n]} dimension. */
    public static final int MAX_DIMENSION = 65536;
    /** Default maximum lengths, in code points. */
    public static final int IDENTIFIER_MAX_CHARS = 63;
    public static final int SHORT_TEXT_MAX_CHARS = 255;
    public static final int MEDIUM_TEXT_MAX_CHARS = 4095;
    public static final int LONG_TEXT_MAX_CHARS = 65535;

    // The constants below are built by parse(), which therefore never reads a static field of DType
    // (they are still null while the class initialises); the int limits above are compile-time constants.
    public static final DType IDENTIFIER = parse("Identifier");
    public static final DType SHORT_TEXT = parse("ShortText");
    public static final DType MEDIUM_TEXT = parse("MediumText");
    public static final DType LONG_TEXT = parse("LongText");
    public static final DType INTEGER = parse("Integer");
    public static final DType FLOAT = parse("Float");
    public static final DType BOOLEAN = parse("Boolean");
    public static final DType TIMESTAMP = parse("Timestamp");
    public static final DType DATE = parse("Date");
    public static final DType ARRAY = parse("Array");
    public static final DType JSON = parse("Json");
    public static final DType HYPERG = parse("HyperG");
    public static final DType ARTIFACT = parse("Artifact");

    private final Kind kind;
    private final int maxChars;
    private final String reference;
    private final List<String> categories;
    private final DType element;
    private final int dimension;
    private final Map<String, DType> columns;
    private final String spelling;

    private DType(Kind kind, int maxChars, String reference, List<String> categories, DType element, int dimension,
            Map<String, DType> columns) {
        this.kind = kind;
        this.maxChars = maxChars;
        this.reference = reference;
        this.categories = categories;
        this.element = element;
        this.dimension = dimension;
        this.columns = columns;
        this.spelling = DTypeSpelling.canonical(this);
    }

    /** A type without parameters (or with its default parameters). */
    static DType simple(Kind kind) {
        switch (kind) {
            case IDENTIFIER:
                return new DType(kind, IDENTIFIER_MAX_CHARS, null, List.of(), null, -1, Map.of());
            case SHORT_TEXT:
                return new DType(kind, SHORT_TEXT_MAX_CHARS, null, List.of(), null, -1, Map.of());
            case MEDIUM_TEXT:
                return new DType(kind, MEDIUM_TEXT_MAX_CHARS, null, List.of(), null, -1, Map.of());
            case LONG_TEXT:
                return new DType(kind, LONG_TEXT_MAX_CHARS, null, List.of(), null, -1, Map.of());
            case ARRAY:
                return newArray(simple(Kind.SHORT_TEXT));
            case HYPERG:
                Map<String, DType> triple = new LinkedHashMap<>();
                triple.put("slot", simple(Kind.SHORT_TEXT));
                triple.put("value", simple(Kind.SHORT_TEXT));
                triple.put("topic", simple(Kind.SHORT_TEXT));
                return newHyperG(triple);
            case CATEGORICAL:
            case VECTOR:
                throw new IllegalArgumentException(kind.spelling() + " needs parameters");
            default:
                return new DType(kind, -1, null, List.of(), null, -1, Map.of());
        }
    }

    static DType newIdentifier(String referencedEntity) {
        return new DType(Kind.IDENTIFIER, IDENTIFIER_MAX_CHARS, referencedEntity, List.of(), null, -1, Map.of());
    }

    static DType newLongText(int maxChars) {
        return new DType(Kind.LONG_TEXT, maxChars, null, List.of(), null, -1, Map.of());
    }

    static DType newCategorical(List<String> values) {
        return new DType(Kind.CATEGORICAL, -1, null, List.copyOf(values), null, -1, Map.of());
    }

    static DType newArray(DType element) {
        return new DType(Kind.ARRAY, -1, null, List.of(), element, -1, Map.of());
    }

    static DType newVector(int dimension) {
        return new DType(Kind.VECTOR, -1, null, List.of(), null, dimension, Map.of());
    }

    static DType newHyperG(Map<String, DType> columns) {
        return new DType(Kind.HYPERG, -1, null, List.of(), null, -1,
                Collections.unmodifiableMap(new LinkedHashMap<>(columns)));
    }

    /**
     * Parses a type spelling. Throws {@link io.heavenbase.ValidationException} (rule {@code dtype})
     * naming the spelling when it is not a known type or its parameters are invalid.
     */
    public static DType parse(String spelling) {
        return DTypeSpelling.parse(spelling);
    }

    /** {@code Vector[dimension]}. */
    public static DType vector(int dimension) {
        return newVector(DTypeSpelling.requireDimension(dimension, "Vector[" + dimension + "]"));
    }

    /** {@code Array[element]}. */
    public static DType array(DType element) {
        return newArray(DTypeSpelling.requireElement(element, "Array[" + element + "]"));
    }

    /** {@code Categorical[values...]}. */
    public static DType categorical(String... values) {
        return newCategorical(DTypeSpelling.requireCategories(List.of(values), "Categorical" + List.of(values)));
    }

    /** {@code LongText(max_chars=n)}. */
    public static DType longText(int maxChars) {
        return newLongText(DTypeSpelling.requireMaxChars(maxChars, "LongText(max_chars=" + maxChars + ")"));
    }

    /** {@code Identifier[entityId]}: a reference to another entity's {@code object_id}. */
    public static DType reference(String entityId) {
        return newIdentifier(DTypeSpelling.requireReference(entityId, "Identifier[" + entityId + "]"));
    }

    /**
     * {@code HyperG[col:Type,...]} with the given columns in iteration order; column types must be
     * scalar.
     */
    public static DType hyperG(Map<String, DType> columns) {
        return newHyperG(DTypeSpelling.requireColumns(columns, "HyperG" + columns));
    }

    public Kind kind() {
        return kind;
    }

    /** Maximum length in chars (Unicode code points) for Identifier and the text kinds; -1 for other kinds. */
    public int maxChars() {
        return maxChars;
    }

    /** The referenced entity id of {@code Identifier[x]}, or {@code null}. */
    public String reference() {
        return reference;
    }

    /** Allowed values of a Categorical, in declared order; empty for other kinds. */
    public List<String> categories() {
        return categories;
    }

    /** Element type of an Array ({@code ShortText} for a bare {@code Array}); {@code null} otherwise. */
    public DType element() {
        return element;
    }

    /** Dimension of a Vector; -1 otherwise. */
    public int dimension() {
        return dimension;
    }

    /** Columns of a HyperG (default slot, value, topic, all ShortText), in order; empty otherwise. */
    public Map<String, DType> columns() {
        return columns;
    }

    /**
     * Validates a value and converts it to this type's canonical Java value: String, Long, Double,
     * Boolean, Instant, LocalDate, List (of canonical element values), float[], JSON
     * (Map/List/String/Number/Boolean, deep-copied and made of those types only),
     * List&lt;Map&lt;String,Object&gt;&gt; for HyperG, byte[] (copied) for Artifact. {@code null} stays
     * {@code null}. Throws {@link io.heavenbase.ValidationException} naming {@code entity},
     * {@code field}, the rule and the value (shortened) when the value does not fit.
     *
     * <p>Accepted inputs: text kinds and Identifier take a {@code String} only (no
     * {@code toString()} coercion), limited to {@link #maxChars()} code points, Identifier non-empty,
     * no U+0000 and no unpaired surrogate (neither is storable everywhere); Integer takes any
     * integral {@code Number} in the 64-bit range (a {@code Double} such as {@code 3.0} too);
     * Float any finite {@code Number}; Boolean a {@code Boolean}; Categorical one of the listed
     * strings; Timestamp an {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime},
     * {@code java.util.Date}, an ISO-8601 string with offset ({@code 2024-01-02T03:04:05Z},
     * {@code ...+02:00}) or integral epoch milliseconds, truncated to milliseconds; Date a
     * {@code LocalDate}, {@code java.sql.Date} or a {@code yyyy-MM-dd} string; Array any
     * collection or Java array without null elements (an unmodifiable list is returned); Vector a
     * {@code float[]}, {@code double[]} or collection/array of numbers, exactly {@link #dimension()}
     * finite float values (a new {@code float[]} is returned); Json maps with string keys, lists,
     * arrays, strings, finite numbers (integral ones as {@code Long}, others as {@code Double}),
     * booleans, null and Jackson {@code JsonNode}s (a deep copy, maps as {@code LinkedHashMap});
     * HyperG a collection of maps keyed by known column names or of positional lists/arrays with
     * one value per column (an unmodifiable list of unmodifiable maps holding every column, absent
     * ones as null); Artifact a {@code byte[]}, a {@code ByteBuffer} or a Base64 string (a copy is
     * returned).
     */
    public Object normalize(Object value, String entity, String field) {
        return ValueNormalizer.normalize(this, value, new ValuePath(entity, field));
    }

    /** The canonical spelling, parseable by {@link #parse(String)}. */
    @Override
    public String toString() {
        return spelling;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DType && ((DType) o).spelling.equals(spelling);
    }

    @Override
    public int hashCode() {
        return spelling.hashCode();
    }
}
