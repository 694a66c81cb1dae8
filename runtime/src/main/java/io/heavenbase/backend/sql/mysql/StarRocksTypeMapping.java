package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.SqlColumnTypes;
import io.heavenbase.backend.sql.SqlTypeMapping;
import io.heavenbase.schema.DType;

/**
 * StarRocks (3.x) columns for each logical type. StarRocks stores only UTF-8 and compares strings
 * byte by byte, which is code point order. Text kinds are {@code VARCHAR(n)} with n in bytes (four
 * per code point); the key is {@code VARCHAR(252)} (63 code points). Json, inline Array and HyperG
 * are JSON text in {@code VARCHAR(1048576)}, not StarRocks' JSON type, which keeps keys sorted
 * rather than in the order written. Integer and Timestamp (epoch milliseconds) are BIGINT, Float
 * DOUBLE, Boolean BOOLEAN, Date ISO text, Vector and Artifact VARBINARY.
 */
final class StarRocksTypeMapping extends SqlTypeMapping {

    /** The longest VARCHAR StarRocks accepts, in bytes. */
    static final int MAX_VARCHAR_BYTES = 1048576;

    @Override
    protected SqlColumnTypes.Builder columns() {
        return SqlColumnTypes.builder()
                .key("VARCHAR(" + 4 * DType.IDENTIFIER_MAX_CHARS + ")")
                .count("INT")
                .text(dtype -> "VARCHAR(" + Math.min(4L * textCapacity(dtype), MAX_VARCHAR_BYTES) + ")")
                .integer("BIGINT")
                .floating("DOUBLE")
                .bool("BOOLEAN")
                .date("VARCHAR(16)")
                .structured("VARCHAR(" + MAX_VARCHAR_BYTES + ")")
                .otherwise("VARBINARY");
    }
}
