package io.heavenbase.schema;

import io.heavenbase.ValidationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The identifier rules every user-supplied name passes before it can reach SQL, a JSON path, an
 * index name or a file path. Anything that does not match is rejected, never escaped.
 */
public final class Names {

    /** Entity ids: kebab-case, lower-case letters and digits, at most 63 chars. */
    private static final Pattern ENTITY_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Field names: a letter or underscore, then letters, digits, underscores. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Backend names: a letter, then letters, digits, '_' or '-'. */
    private static final Pattern BACKEND_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final int MAX_LENGTH = 63;
    /** Length of a value shown in an error message. */
    private static final int SHORT = 80;
    /** Nesting shown of a map or list value in an error message. */
    private static final int PREVIEW_DEPTH = 3;

    public static final String OBJECT_ID = "object_id";
    public static final String NAME = "name";
    /** Pseudo-column carrying the similarity of a {@code near} query; not usable as a field name. */
    public static final String SCORE = "score";

    /**
     * The columns a hybrid query adds: each leg's own rank (from 1, null when the leg did not return the row)
     * and score. A dot never occurs in a field name, so they cannot clash with fields.
     */
    public static final String SEARCH_RANK = "search.rank";
    public static final String SEARCH_SCORE = "search.score";
    public static final String NEAR_RANK = "near.rank";
    public static final String NEAR_SCORE = "near.score";
    public static final java.util.List<String> LEG_COLUMNS = java.util.List.of(SEARCH_RANK, SEARCH_SCORE, NEAR_RANK,
            NEAR_SCORE);

    private Names() {
    }

    public static String requireEntityId(String id) {
        if (id == null || id.length() > MAX_LENGTH || !ENTITY_ID.matcher(id).matches()) {
            throw new ValidationException(String.valueOf(id), null, "entity_id",
                    "invalid entity id '" + shorten(id) + "': use kebab-case (a-z, 0-9, '-'), "
                            + "start with a letter, at most " + MAX_LENGTH + " chars");
        }
        return id;
    }

    public static String requireFieldName(String entity, String field) {
        if (field == null || field.length() > MAX_LENGTH || !FIELD_NAME.matcher(field).matches()) {
            throw new ValidationException(entity, String.valueOf(field), "field_name",
                    "invalid field name '" + shorten(field) + "' in entity '" + entity
                            + "': use letters, digits and '_', start with a letter or '_', at most "
                            + MAX_LENGTH + " chars");
        }
        return field;
    }

    public static String requireBackendName(String name) {
        if (name == null || name.length() > MAX_LENGTH || !BACKEND_NAME.matcher(name).matches()) {
            throw new ValidationException(null, null, "backend_name",
                    "invalid backend name '" + shorten(name) + "': use letters, digits, '_' and '-', "
                            + "start with a letter, at most " + MAX_LENGTH + " chars");
        }
        return name;
    }

    public static boolean isFieldName(String field) {
        return field != null && field.length() <= MAX_LENGTH && FIELD_NAME.matcher(field).matches();
    }

    /** Physical (table, collection, index) name of an entity: prefix + id with '-' as '_'. */
    public static String physical(String prefix, String entityId) {
        return (prefix == null ? "" : prefix) + entityId.replace('-', '_');
    }

    /** Kebab-case of a Java simple class name: {@code OrderLine} becomes {@code order-line}. */
    public static String kebab(String simpleName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < simpleName.length(); i++) {
            char c = simpleName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean boundary = i > 0 && (Character.isLowerCase(simpleName.charAt(i - 1))
                        || Character.isDigit(simpleName.charAt(i - 1))
                        || (i + 1 < simpleName.length() && Character.isLowerCase(simpleName.charAt(i + 1))));
                if (boundary && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else if (c == '_' || c == '$') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Shortens a user value for an error message so huge inputs do not flood logs. Maps, collections
     * and arrays are rendered only as far as the message shows them, so a value nested thousands of
     * levels deep, or two maps containing each other, cost no more than a short one.
     */
    public static String shorten(Object value) {
        String text;
        if (value instanceof Map || value instanceof Collection || value instanceof Object[]) {
            StringBuilder out = new StringBuilder();
            preview(value, out, 0);
            text = out.toString();
        } else {
            text = String.valueOf(value);
        }
        return text.length() <= SHORT ? text : text.substring(0, SHORT - 3) + "...";
    }

    private static void preview(Object value, StringBuilder out, int depth) {
        if (out.length() > SHORT) {
            return;
        }
        if (depth > PREVIEW_DEPTH) {
            out.append("...");
        } else if (value instanceof Map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (out.length() > SHORT) {
                    break;
                }
                out.append(separator);
                preview(entry.getKey(), out, depth + 1);
                out.append('=');
                preview(entry.getValue(), out, depth + 1);
                separator = ", ";
            }
            out.append('}');
        } else if (value instanceof Collection || value instanceof Object[]) {
            Iterable<?> items = value instanceof Object[] ? Arrays.asList((Object[]) value) : (Collection<?>) value;
            out.append('[');
            String separator = "";
            for (Object item : items) {
                if (out.length() > SHORT) {
                    break;
                }
                out.append(separator);
                preview(item, out, depth + 1);
                separator = ", ";
            }
            out.append(']');
        } else {
            String text = String.valueOf(value);
            out.append(text, 0, Math.min(text.length(), SHORT + 1));
        }
    }
}
