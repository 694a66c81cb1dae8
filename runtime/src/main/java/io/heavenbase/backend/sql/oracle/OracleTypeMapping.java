package io.heavenbase.backend.sql.oracle;

import io.heavenbase.backend.sql.SqlColumnTypes;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTypeMapping;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Oracle Database (12.2 or later, AL32UTF8) columns for each logical type. Identifier, ShortText
 * and Categorical are {@code VARCHAR2(n CHAR)} (at most 1000 characters, so never above the
 * 4000-byte limit): compared as bytes under {@code NLS_COMP=BINARY}, which on UTF-8 is code point
 * order ({@code NVARCHAR2} would compare UTF-16 units and is not used). MediumText and LongText are
 * CLOB (no comparison or ordering in SQL: those run in the engine). Integer and Timestamp (epoch
 * milliseconds) are {@code NUMBER(19)}, Float {@code BINARY_DOUBLE}, Boolean {@code NUMBER(1)},
 * Date ISO text, Json, inline Array and HyperG CLOB, Vector and Artifact BLOB.
 *
 * <p>Oracle stores the empty string as NULL. So that an empty text stays distinct from a null one,
 * text kinds store {@code ""} as a single U+0000 character: U+0000 can never be part of
 * a valid text value, and a lone U+0000 sorts before every non-empty text exactly where the empty
 * text belongs, so equality and order are unchanged. Values are converted on write, in conditions
 * and on read.
 */
final class OracleTypeMapping extends SqlTypeMapping {

    /** What an empty text is stored as. */
    static final String EMPTY_TEXT = "\u0000";

    /** Longest VARCHAR2 in characters that always fits the standard 4000-byte limit in UTF-8. */
    static final int MAX_VARCHAR2_CHARS = 1000;

    @Override
    protected SqlColumnTypes.Builder columns() {
        return SqlColumnTypes.builder()
                .key("VARCHAR2(" + DType.IDENTIFIER_MAX_CHARS + " CHAR)")
                .count("NUMBER(10)")
                .text("CLOB")
                .kinds(dtype -> "VARCHAR2(" + dtype.maxChars() + " CHAR)", Kind.IDENTIFIER, Kind.SHORT_TEXT)
                .kinds("VARCHAR2(" + MAX_VARCHAR2_CHARS + " CHAR)", Kind.CATEGORICAL)
                .structured("CLOB")
                .integer("NUMBER(19)")
                .floating("BINARY_DOUBLE")
                .bool("NUMBER(1)")
                .date("VARCHAR2(16)")
                .otherwise("BLOB");
    }

    @Override
    public SqlParam param(DType dtype, Object value) {
        if (dtype.kind().isStringValued() && "".equals(value)) {
            return SqlParam.text(EMPTY_TEXT);
        }
        return super.param(dtype, value);
    }

    @Override
    public Object read(ResultSet rows, int column, DType dtype, String entity, String field) throws SQLException {
        Object value = super.read(rows, column, dtype, entity, field);
        return dtype.kind().isStringValued() && EMPTY_TEXT.equals(value) ? "" : value;
    }
}
