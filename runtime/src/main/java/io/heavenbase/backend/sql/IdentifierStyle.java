package io.heavenbase.backend.sql;

/**
 * How a dialect writes a name: between its quote characters, a closing quote inside the name doubled, and the
 * longest name the database keeps without truncating it.
 *
 * @param open the opening quote, e.g. {@code "}
 * @param close the closing quote
 * @param maxLength the longest identifier, in characters
 */
public record IdentifierStyle(char open, char close, int maxLength) {

    /** Standard SQL double quotes, names up to 63 characters (PostgreSQL's limit). */
    public static final IdentifierStyle STANDARD = standard(63);

    /** Standard SQL double quotes, names up to {@code maxLength}. */
    public static IdentifierStyle standard(int maxLength) {
        return new IdentifierStyle('"', '"', maxLength);
    }

    /** MySQL's backticks. */
    public static IdentifierStyle backticks(int maxLength) {
        return new IdentifierStyle('`', '`', maxLength);
    }

    /** The name quoted. */
    public String quote(String identifier) {
        String closing = String.valueOf(close);
        return open + identifier.replace(closing, closing + closing) + close;
    }
}
