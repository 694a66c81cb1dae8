package io.heavenbase.schema;

import io.heavenbase.ValidationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads and writes type spellings such as {@code Array[Categorical[a,"b,c"]]}. Brackets nest,
 * commas separate parameters at the top level only, and single- or double-quoted tokens may
 * contain any character ({@code \} escapes the quote inside a double-quoted token).
 */
final class DTypeSpelling {

    private static final String KINDS = "Identifier, ShortText, MediumText, LongText, Integer, Float, Boolean, "
            + "Categorical[...], Timestamp, Date, Array[...], Vector[n], Json, HyperG, Artifact";

    private DTypeSpelling() {
    }

    static DType parse(String spelling) {
        if (spelling == null) {
            throw invalid(null, "a type spelling is required");
        }
        String text = spelling.strip();
        int open = firstOpening(text);
        String head = (open < 0 ? text : text.substring(0, open)).strip();
        DType.Kind kind = kindOf(head, spelling);
        if (open < 0) {
            return withoutParameters(kind, spelling);
        }
        int close = matchingClose(text, open, spelling);
        if (close != text.length() - 1) {
            throw invalid(spelling, "unexpected text after position " + (close + 1));
        }
        char bracket = text.charAt(open);
        String params = text.substring(open + 1, close).strip();
        return bracket == '[' ? withBrackets(kind, params, spelling) : withParentheses(kind, params, spelling);
    }

    private static DType withoutParameters(DType.Kind kind, String spelling) {
        if (kind == DType.Kind.CATEGORICAL) {
            throw invalid(spelling, "Categorical needs its values, e.g. Categorical[draft,published]");
        }
        if (kind == DType.Kind.VECTOR) {
            throw invalid(spelling, "Vector needs its dimension, e.g. Vector[384]");
        }
        return DType.simple(kind);
    }

    private static DType withBrackets(DType.Kind kind, String params, String spelling) {
        switch (kind) {
            case IDENTIFIER:
                return DType.newIdentifier(requireReference(unquote(params, spelling), spelling));
            case CATEGORICAL:
                return categoricalOf(params, spelling);
            case ARRAY:
                return DType.newArray(requireElement(parseNested(params, spelling), spelling));
            case VECTOR:
                return DType.newVector(requireDimension(integerOf(params, "dimension", spelling), spelling));
            case HYPERG:
                return hyperGOf(params, spelling);
            default:
                throw invalid(spelling, kind.spelling() + " takes no [...] parameters");
        }
    }

    private static DType withParentheses(DType.Kind kind, String params, String spelling) {
        if (kind == DType.Kind.CATEGORICAL && params.startsWith("[") && params.endsWith("]")) {
            return categoricalOf(params.substring(1, params.length() - 1), spelling);
        }
        if (kind != DType.Kind.LONG_TEXT && kind != DType.Kind.TIMESTAMP) {
            throw invalid(spelling, kind.spelling() + " takes no (...) options");
        }
        DType result = DType.simple(kind);
        for (String option : splitTopLevel(params, ',', spelling)) {
            int eq = option.indexOf('=');
            if (eq < 0) {
                throw invalid(spelling, "option '" + option + "' must be written key=value");
            }
            String key = option.substring(0, eq).strip();
            String value = unquote(option.substring(eq + 1).strip(), spelling);
            if (kind == DType.Kind.LONG_TEXT && key.equals("max_chars")) {
                result = DType.newLongText(requireMaxChars(integerOf(value, "max_chars", spelling), spelling));
            } else if (kind == DType.Kind.TIMESTAMP && key.equals("unit")) {
                if (!value.equals("ms")) {
                    throw invalid(spelling, "Timestamp supports unit=ms only (millisecond precision)");
                }
            } else {
                throw invalid(spelling, "unknown option '" + key + "' for " + kind.spelling()
                        + (kind == DType.Kind.LONG_TEXT ? "; expected max_chars" : "; expected unit"));
            }
        }
        return result;
    }

    private static DType categoricalOf(String params, String spelling) {
        List<String> values = new ArrayList<>();
        for (String token : splitTopLevel(params, ',', spelling)) {
            values.add(unquote(token, spelling));
        }
        return DType.newCategorical(requireCategories(values, spelling));
    }

    private static DType hyperGOf(String params, String spelling) {
        Map<String, DType> columns = new LinkedHashMap<>();
        for (String token : splitTopLevel(params, ',', spelling)) {
            int colon = topLevelColon(token);
            if (colon < 0) {
                throw invalid(spelling, "HyperG column '" + token + "' must be written name:Type");
            }
            String name = unquote(token.substring(0, colon).strip(), spelling);
            if (columns.containsKey(name)) {
                throw invalid(spelling, "HyperG column '" + name + "' is declared twice");
            }
            columns.put(name, parseNested(token.substring(colon + 1), spelling));
        }
        return DType.newHyperG(requireColumns(columns, spelling));
    }

    private static DType parseNested(String inner, String spelling) {
        try {
            return parse(inner);
        } catch (ValidationException e) {
            throw invalid(spelling, "inner type: " + e.getMessage());
        }
    }

    static int requireDimension(int dimension, String spelling) {
        if (dimension < 1 || dimension > DType.MAX_DIMENSION) {
            throw invalid(spelling, "Vector dimension must be between 1 and " + DType.MAX_DIMENSION + ", got "
                    + dimension);
        }
        return dimension;
    }

    static int requireMaxChars(int maxChars, String spelling) {
        if (maxChars < 1) {
            throw invalid(spelling, "max_chars must be at least 1, got " + maxChars);
        }
        return maxChars;
    }

    static DType requireElement(DType element, String spelling) {
        if (element == null) {
            throw invalid(spelling, "Array needs an element type");
        }
        if (!element.kind().isScalar()) {
            throw invalid(spelling, "Array elements must be a scalar type (text, Identifier, Categorical, Integer, "
                    + "Float, Boolean, Timestamp, Date), not " + element
                    + "; nested Array, Vector, Json, HyperG and Artifact are not supported");
        }
        return element;
    }

    static String requireReference(String entityId, String spelling) {
        try {
            return Names.requireEntityId(entityId);
        } catch (ValidationException e) {
            throw invalid(spelling, "Identifier[...] must reference an entity id: " + e.getMessage());
        }
    }

    static List<String> requireCategories(List<String> values, String spelling) {
        if (values.isEmpty()) {
            throw invalid(spelling, "Categorical needs at least one value");
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (value == null || value.isEmpty()) {
                throw invalid(spelling, "Categorical values must be non-empty");
            }
            if (!value.equals(value.strip())) {
                throw invalid(spelling, "Categorical value '" + value + "' has leading or trailing whitespace");
            }
            if (!seen.add(value)) {
                throw invalid(spelling, "Categorical value '" + value + "' is listed twice");
            }
        }
        return values;
    }

    static Map<String, DType> requireColumns(Map<String, DType> columns, String spelling) {
        if (columns.isEmpty()) {
            throw invalid(spelling, "HyperG needs at least one column");
        }
        for (Map.Entry<String, DType> column : columns.entrySet()) {
            if (!Names.isFieldName(column.getKey())) {
                throw invalid(spelling, "HyperG column name '" + Names.shorten(column.getKey())
                        + "' must use letters, digits and '_' and start with a letter or '_'");
            }
            if (column.getValue() == null || !column.getValue().kind().isScalar()) {
                throw invalid(spelling, "HyperG column '" + column.getKey() + "' must have a scalar type, not "
                        + column.getValue());
            }
        }
        return columns;
    }

    static String canonical(DType type) {
        switch (type.kind()) {
            case IDENTIFIER:
                return type.reference() == null ? "Identifier" : "Identifier[" + type.reference() + "]";
            case LONG_TEXT:
                return type.maxChars() == DType.LONG_TEXT_MAX_CHARS ? "LongText"
                        : "LongText(max_chars=" + type.maxChars() + ")";
            case CATEGORICAL:
                StringJoiner values = new StringJoiner(",", "Categorical[", "]");
                type.categories().forEach(value -> values.add(quoteIfNeeded(value)));
                return values.toString();
            case ARRAY:
                return "Array[" + type.element() + "]";
            case VECTOR:
                return "Vector[" + type.dimension() + "]";
            case HYPERG:
                return isDefaultTriple(type.columns()) ? "HyperG" : hyperGSpelling(type.columns());
            default:
                return type.kind().spelling();
        }
    }

    private static boolean isDefaultTriple(Map<String, DType> columns) {
        return hyperGSpelling(columns).equals("HyperG[slot:ShortText,value:ShortText,topic:ShortText]");
    }

    private static String hyperGSpelling(Map<String, DType> columns) {
        StringJoiner out = new StringJoiner(",", "HyperG[", "]");
        columns.forEach((name, dtype) -> out.add(name + ":" + dtype));
        return out.toString();
    }

    private static String quoteIfNeeded(String value) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            plain = ",[]()\"'\\:=".indexOf(value.charAt(i)) < 0;
        }
        if (plain) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static DType.Kind kindOf(String head, String spelling) {
        for (DType.Kind kind : DType.Kind.values()) {
            if (kind.spelling().equals(head)) {
                return kind;
            }
        }
        for (DType.Kind kind : DType.Kind.values()) {
            if (kind.spelling().toLowerCase(Locale.ROOT).equals(head.toLowerCase(Locale.ROOT))) {
                throw invalid(spelling, "type names are case-sensitive: did you mean " + kind.spelling() + "?");
            }
        }
        throw invalid(spelling, "unknown type '" + Names.shorten(head) + "'; expected one of " + KINDS);
    }

    private static int integerOf(String text, String what, String spelling) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(spelling, what + " must be a whole number, got '" + Names.shorten(text) + "'");
        }
    }

    private static int firstOpening(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '(') {
                return i;
            }
        }
        return -1;
    }

    /** Index of the bracket closing the one at {@code open}, skipping quoted text. */
    private static int matchingClose(String text, int open, String spelling) {
        Deque<Character> expected = new ArrayDeque<>();
        Unquoted scan = new Unquoted(text, open);
        for (int i = scan.next(); i >= 0; i = scan.next()) {
            char c = text.charAt(i);
            if (c == '[' || c == '(') {
                expected.push(c == '[' ? ']' : ')');
            } else if (c == ']' || c == ')') {
                if (expected.isEmpty() || expected.pop() != c) {
                    throw invalid(spelling, "unbalanced '" + c + "' at position " + i);
                }
                if (expected.isEmpty()) {
                    return i;
                }
            }
        }
        throw invalid(spelling, scan.inQuote() ? "unterminated quote" : "unclosed '" + text.charAt(open) + "'");
    }

    /** Splits at top-level separators (outside brackets and quotes); tokens are stripped, never empty. */
    private static List<String> splitTopLevel(String text, char separator, String spelling) {
        List<String> tokens = new ArrayList<>();
        if (text.isBlank()) {
            return tokens;
        }
        int depth = 0;
        int start = 0;
        Unquoted scan = new Unquoted(text, 0);
        for (int i = scan.next(); i >= 0; i = scan.next()) {
            char c = text.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                tokens.add(nonEmpty(text.substring(start, i), spelling));
                start = i + 1;
            }
        }
        tokens.add(nonEmpty(text.substring(start), spelling));
        return tokens;
    }

    private static int topLevelColon(String token) {
        Unquoted scan = new Unquoted(token, 0);
        for (int i = scan.next(); i >= 0; i = scan.next()) {
            char c = token.charAt(i);
            if (c == ':') {
                return i;
            } else if (c == '[' || c == '(') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Walks a spelling's characters from a position, passing over quoted text ({@code '...'}, or {@code "..."} in
     * which a backslash escapes the next character) and its quotes.
     */
    private static final class Unquoted {
        private final String text;
        private int position;
        private char quote;

        Unquoted(String text, int from) {
            this.text = text;
            this.position = from - 1;
        }

        /** The index of the next character outside quotes, or -1 at the end of the text. */
        int next() {
            while (++position < text.length()) {
                char c = text.charAt(position);
                if (quote != 0) {
                    if (c == '\\' && quote == '"') {
                        position++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else {
                    return position;
                }
            }
            return -1;
        }

        /** Whether the text ended inside a quote. */
        boolean inQuote() {
            return quote != 0;
        }
    }

    private static String nonEmpty(String token, String spelling) {
        String stripped = token.strip();
        if (stripped.isEmpty()) {
            throw invalid(spelling, "empty parameter");
        }
        return stripped;
    }

    /** Removes surrounding quotes (and the escapes inside double quotes) from a stripped token. */
    private static String unquote(String token, String spelling) {
        if (token.length() >= 2 && (token.charAt(0) == '"' || token.charAt(0) == '\'')
                && token.charAt(token.length() - 1) == token.charAt(0)) {
            char quote = token.charAt(0);
            String inner = token.substring(1, token.length() - 1);
            if (quote == '\'') {
                return inner;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        if (token.indexOf('"') >= 0 || token.indexOf('\'') >= 0) {
            throw invalid(spelling, "misplaced quote in '" + Names.shorten(token) + "'");
        }
        return token;
    }

    private static ValidationException invalid(String spelling, String reason) {
        return new ValidationException(null, null, "dtype",
                "invalid type '" + Names.shorten(spelling) + "': " + reason);
    }
}
