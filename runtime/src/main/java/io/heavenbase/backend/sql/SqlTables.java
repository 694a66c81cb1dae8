package io.heavenbase.backend.sql;

import io.heavenbase.spi.EntityLayout;

/**
 * Physical names of one entity part on a SQL backend: the entity table
 * {@code prefix + entity_id}, a side table {@code <table>__<field>} per SideTable field and a
 * full-text table {@code <table>__fts_<field>} per text field whose full-text switch is on.
 * Every name is built from validated names only and quoted by the dialect.
 */
public final class SqlTables {

    private final SqlDialect dialect;
    private final String schema;
    private final String entity;

    public SqlTables(SqlDialect dialect, String schema, String prefix, EntityLayout layout) {
        this.dialect = dialect;
        this.schema = schema == null || schema.isEmpty() ? null : schema;
        this.entity = dialect.fitIdentifier(layout.physicalName(prefix));
    }

    /** The unquoted entity table name. */
    public String entity() {
        return entity;
    }

    /** The unquoted side table name of a SideTable field. */
    public String side(String field) {
        return dialect.fitIdentifier(entity + "__" + field);
    }

    /** The unquoted full-text table name of a text field. */
    public String fullText(String field) {
        return dialect.fitIdentifier(entity + "__fts_" + field);
    }

    /** The unquoted name of the index on a side table's value column. */
    public String sideValueIndex(String field) {
        return dialect.fitIdentifier(entity + "__" + field + "__value");
    }

    /** The schema, or null for the connection's default. */
    public String schema() {
        return schema;
    }

    /** A table name quoted and qualified with the schema, ready for SQL text. */
    public String qualified(String table) {
        return schema == null ? dialect.quote(table) : dialect.quote(schema) + "." + dialect.quote(table);
    }
}
