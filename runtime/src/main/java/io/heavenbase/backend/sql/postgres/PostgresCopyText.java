package io.heavenbase.backend.sql.postgres;

import io.heavenbase.backend.sql.SqlParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: columns separated by
 * a tab, rows ended by a newline, {@code \N} for NULL, and backslash, tab, newline and carriage
 * return escaped. Each value is the text the server's input function turns back into exactly the
 * value the parameter would bind: numbers in a form that parses to the same double or float,
 * {@code bytea} as hex, booleans as {@code t}/{@code f}, dates and timestamps (at UTC) spelled as
 * pgjdbc spells them when it binds them (years before 1 with {@code BC}, {@code LocalDate.MAX} and
 * {@code MIN} as the infinities), arrays as array literals with every
 * text element quoted. A parameter kind without a text form here (or text holding U+0000, which
 * PostgreSQL text cannot store) makes {@link #encodable} answer false, and the caller binds those
 * rows as statement parameters instead, where the server reports the problem as it always did.
 */
final class PostgresCopyText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PostgresCopyText() {
    }

    /**
     * Whether every value of the rows has a COPY text form here: checked before a COPY starts, since
     * a COPY cannot be abandoned without failing the transaction.
     */
    static boolean encodable(List<List<SqlParam>> rows) {
        for (List<SqlParam> row : rows) {
            for (SqlParam param : row) {
                if (!encodable(param)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean encodable(SqlParam param) {
        Object value = param.value();
        if (value == null) {
            return true;
        }
        if (param instanceof PostgresParams.Array) {
            for (Object element : (Object[]) value) {
                if (!(element instanceof String ? ((String) element).indexOf('\0') < 0
                        : element instanceof Long || element instanceof Integer || element instanceof Double
                                || element instanceof Float || element instanceof Boolean)) {
                    return false;
                }
            }
            return true;
        }
        if (!(param instanceof SqlParam.Simple || param instanceof PostgresParams.Typed
                || param instanceof PostgresParams.Untyped)) {
            return false;
        }
        return value instanceof String ? ((String) value).indexOf('\0') < 0
                : value instanceof Long || value instanceof Double || value instanceof Boolean
                        || value instanceof byte[] || value instanceof OffsetDateTime || value instanceof LocalDate;
    }

    /** Appends one row whose values are {@link #encodable}. */
    static void appendRow(StringBuilder out, List<SqlParam> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            if (!appendValue(out, row.get(i))) {
                throw new IllegalArgumentException("no COPY text form for " + row.get(i));
            }
        }
        out.append('\n');
    }

    private static boolean appendValue(StringBuilder out, SqlParam param) {
        Object value = param.value();
        if (value == null) {
            out.append("\\N");
            return true;
        }
        if (param instanceof PostgresParams.Array) {
            return appendArray(out, (Object[]) value);
        }
        if (!(param instanceof SqlParam.Simple || param instanceof PostgresParams.Typed
                || param instanceof PostgresParams.Untyped)) {
            return false;
        }
        if (value instanceof String) {
            return escaped(out, (String) value);
        }
        if (value instanceof Long) {
            out.append((long) (Long) value);
        } else if (value instanceof Double) {
            out.append(exact((Double) value));
        } else if (value instanceof Boolean) {
            out.append((Boolean) value ? 't' : 'f');
        } else if (value instanceof byte[]) {
            out.append("\\\\x");
            for (byte b : (byte[]) value) {
                out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        } else if (value instanceof OffsetDateTime) {
            timestamp(out, (OffsetDateTime) value);
        } else if (value instanceof LocalDate) {
            date(out, (LocalDate) value);
        } else {
            return false;
        }
        return true;
    }

    /** An array literal: {@code {"a","b\"c"}} or {@code {1,2}}, then escaped for COPY. */
    private static boolean appendArray(StringBuilder out, Object[] elements) {
        StringBuilder literal = new StringBuilder(elements.length * 8 + 2).append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object element = elements[i];
            if (element instanceof String) {
                String text = (String) element;
                literal.append('"');
                for (int c = 0; c < text.length(); c++) {
                    char ch = text.charAt(c);
                    if (ch == '"' || ch == '\\') {
                        literal.append('\\');
                    }
                    literal.append(ch);
                }
                literal.append('"');
            } else if (element instanceof Long || element instanceof Integer) {
                literal.append(((Number) element).longValue());
            } else if (element instanceof Float) {
                literal.append(exact((Float) element));
            } else if (element instanceof Double) {
                literal.append(exact((Double) element));
            } else if (element instanceof Boolean) {
                literal.append((Boolean) element ? 't' : 'f');
            } else {
                return false;
            }
        }
        return escaped(out, literal.append('}').toString());
    }

    /** COPY's escaping of a text value; false when the text holds U+0000. */
    private static boolean escaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\':
                    out.append("\\\\");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\0':
                    return false;
                default:
                    out.append(ch);
            }
        }
        return true;
    }

    /**
     * Text that the server's correctly rounded {@code strtod} turns back into exactly this double:
     * Java's shortest form when it parses back to the same bits (Java's parser is correctly rounded
     * too), else the exact decimal expansion. NaN and the infinities use the server's spelling.
     */
    static String exact(double value) {
        String text = Double.toString(value);
        if (!Double.isFinite(value)
                || Double.doubleToRawLongBits(Double.parseDouble(text)) == Double.doubleToRawLongBits(value)) {
            return text;
        }
        return new BigDecimal(value).toString();
    }

    /** As {@link #exact(double)} for a {@code real} ({@code strtof}). */
    static String exact(float value) {
        String text = Float.toString(value);
        if (!Float.isFinite(value)
                || Float.floatToRawIntBits(Float.parseFloat(text)) == Float.floatToRawIntBits(value)) {
            return text;
        }
        return new BigDecimal(value).toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS+00}, with {@code BC} for years before 1 (as pgjdbc writes it). */
    private static void timestamp(StringBuilder out, OffsetDateTime value) {
        // pgjdbc binds the extremes as the infinities, and reads the infinities back as them
        if (value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
            out.append(value.equals(OffsetDateTime.MAX) ? "infinity" : "-infinity");
            return;
        }
        OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC);
        boolean bc = ymd(out, utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth());
        out.append(' ');
        two(out, utc.getHour()).append(':');
        two(out, utc.getMinute()).append(':');
        two(out, utc.getSecond());
        int micros = utc.getNano() / 1000;
        if (micros != 0) {
            String digits = Integer.toString(micros);
            out.append('.').append("000000", digits.length(), 6).append(digits);
        }
        out.append("+00");
        if (bc) {
            out.append(" BC");
        }
    }

    private static void date(StringBuilder out, LocalDate value) {
        if (value.equals(LocalDate.MAX) || value.equals(LocalDate.MIN)) {
            out.append(value.equals(LocalDate.MAX) ? "infinity" : "-infinity");
            return;
        }
        if (ymd(out, value.getYear(), value.getMonthValue(), value.getDayOfMonth())) {
            out.append(" BC");
        }
    }

    /** Appends year-month-day; returns whether the year is BC (ISO year 0 is 1 BC). */
    private static boolean ymd(StringBuilder out, int isoYear, int month, int day) {
        boolean bc = isoYear < 1;
        long year = bc ? 1L - isoYear : isoYear;
        String digits = Long.toString(year);
        if (digits.length() < 4) {
            out.append("0000", digits.length(), 4);
        }
        out.append(digits).append('-');
        two(out, month).append('-');
        two(out, day);
        return bc;
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
