package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.backend.sql.SqlColumnTypes;
import io.heavenbase.backend.sql.SqlTypeMapping;
import io.heavenbase.schema.DType.Kind;

/**
 * SQLite storage classes for each logical type. The conversions are the family defaults: INTEGER
 * holds Integer, Boolean (0/1) and Timestamp (epoch millis); REAL holds Float; TEXT holds text,
 * ISO dates and JSON; BLOB holds vectors and artifacts. Text compares with SQLite's default BINARY
 * collation, which on a UTF-8 database is Unicode code point order.
 */
final class SqliteTypeMapping extends SqlTypeMapping {

    @Override
    protected SqlColumnTypes.Builder columns() {
        return SqlColumnTypes.builder()
                .key("TEXT")
                .otherwise("TEXT")
                .integer("INTEGER")
                .bool("INTEGER")
                .floating("REAL")
                .kinds("BLOB", Kind.VECTOR, Kind.ARTIFACT);
    }
}
