package io.heavenbase.backend.sql;

import java.util.Locale;
import java.util.Set;

/**
 * The broad kind of a SQL column type, read from its name as a dialect declares it ({@code DOUBLE PRECISION},
 * {@code VARCHAR(255) COLLATE ...}) or as a driver reports it ({@code float8}, {@code nvarchar}). Only text and
 * numbers are told apart: a column of one holding a field of the other is the drift that turns reads into the
 * wrong type and writes into SQL errors. Every other type name (dates, JSON, vectors, binary) has no family, and
 * is not compared.
 */
enum ColumnFamily {
    TEXT,
    NUMBER;

    private static final Set<String> TEXT_NAMES = Set.of("char", "character", "varchar", "varchar2", "nvarchar",
            "nvarchar2", "nchar", "bpchar", "text", "tinytext", "mediumtext", "longtext", "ntext", "clob", "nclob",
            "string");
    private static final Set<String> NUMBER_NAMES = Set.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint", "hugeint", "int2", "int4", "int8", "serial", "bigserial", "smallserial", "real", "float", "float4",
            "float8", "double", "decimal", "numeric", "number", "binary_float", "binary_double", "bool", "boolean",
            "bit");

    /** The family of a type name, or null when it is neither text nor a number. */
    static ColumnFamily of(String typeName) {
        if (typeName == null) {
            return null;
        }
        String base = typeName.trim().toLowerCase(Locale.ROOT).split("[\\s(]", 2)[0];
        if (TEXT_NAMES.contains(base)) {
            return TEXT;
        }
        return NUMBER_NAMES.contains(base) ? NUMBER : null;
    }
}
