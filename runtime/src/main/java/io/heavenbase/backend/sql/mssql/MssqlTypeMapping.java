package io.heavenbase.backend.sql.mssql;

import io.heavenbase.backend.sql.SqlColumnTypes;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTypeMapping;
import io.heavenbase.schema.DType;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * SQL Server (2019 or later) columns for each logical type. Text kinds, keys and ISO dates are
 * {@code VARCHAR} in the UTF-8 binary collation {@value #COLLATION}: UTF-8 bytes compare in Unicode
 * code point order, which a binary collation on UTF-16 {@code NVARCHAR} does not give for characters
 * above U+FFFF. Lengths are in bytes (four per code point, {@code VARCHAR(MAX)} beyond 8000). A text
 * value in a condition is converted into that collation on the server ({@link #codePointText}), so
 * both sides of a comparison are UTF-8 whatever type the driver sends. Integer and Timestamp (epoch
 * milliseconds) are BIGINT, Float is FLOAT, Boolean is BIT, Json, inline Array and HyperG are
 * {@code NVARCHAR(MAX)}, Vector and Artifact {@code VARBINARY(MAX)}.
 */
final class MssqlTypeMapping extends SqlTypeMapping {

    /** The binary UTF-8 collation of every compared text column. */
    static final String COLLATION = "Latin1_General_100_BIN2_UTF8";

    /** A bound text value converted into {@link #COLLATION}: {@code COLLATE} first, so the VARCHAR is UTF-8. */
    static final String CODE_POINT_TEXT = "CONVERT(VARCHAR(MAX), ? COLLATE " + COLLATION + ")";

    private static final int MAX_VARCHAR_BYTES = 8000;

    @Override
    protected SqlColumnTypes.Builder columns() {
        return SqlColumnTypes.builder()
                .key("VARCHAR(" + 4 * DType.IDENTIFIER_MAX_CHARS + ") COLLATE " + COLLATION)
                .count("INT")
                .text(dtype -> varchar(4L * textCapacity(dtype)))
                .integer("BIGINT")
                .floating("FLOAT")
                .bool("BIT")
                .date(varchar(16))
                .structured("NVARCHAR(MAX)")
                .otherwise("VARBINARY(MAX)");
    }

    @Override
    public SqlParam param(DType dtype, Object value) {
        if (value != null && dtype.kind().isStringValued()) {
            return codePointText((String) value);
        }
        return super.param(dtype, value);
    }

    /** A text value that a condition compares in the UTF-8 binary collation. */
    static SqlParam codePointText(String value) {
        return new CodePointText(value);
    }

    private static String varchar(long bytes) {
        return (bytes <= MAX_VARCHAR_BYTES ? "VARCHAR(" + bytes + ")" : "VARCHAR(MAX)") + " COLLATE " + COLLATION;
    }

    /** Bound as a Unicode string (lossless whatever the database's default code page), compared as UTF-8. */
    private record CodePointText(String value) implements SqlParam {

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            statement.setString(index, value);
        }

        @Override
        public String placeholder() {
            return CODE_POINT_TEXT;
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
