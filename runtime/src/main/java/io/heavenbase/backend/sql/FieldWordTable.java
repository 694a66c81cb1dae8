package io.heavenbase.backend.sql;

import io.heavenbase.schema.Names;
import io.heavenbase.spi.StoredField;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FullTextIndex} kept in one table per text field ({@link SqlTables#fullText}) holding words split in Java:
 * the table is created when missing, filled from the texts already stored when it is new, and dropped with the field.
 */
public abstract class FieldWordTable implements FullTextIndex {

    private final SqlDialect dialect;

    protected FieldWordTable(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The dialect of the database. */
    protected SqlDialect dialect() {
        return dialect;
    }

    /**
     * Creates the field's table with these column definitions when missing; a new table gets the texts already
     * stored in the entity table through {@link #indexStored}.
     */
    protected final void ensureTable(Connection connection, SqlTables tables, StoredField field, List<String> columns)
            throws SQLException {
        boolean existed = !dialect.columns(connection, tables.schema(), tables.fullText(field.name())).isEmpty();
        SqlStructures.execute(connection, dialect.createTable(tables.qualified(tables.fullText(field.name())), columns));
        if (!existed) {
            List<String[]> texts = storedTexts(connection, tables, field);
            if (!texts.isEmpty()) {
                indexStored(connection, tables, field, texts);
            }
        }
    }

    /**
     * Indexes texts stored before the table existed, as {@code {object_id, text}} pairs (never empty); another
     * process may be indexing the same texts at the same moment.
     */
    protected abstract void indexStored(Connection connection, SqlTables tables, StoredField field,
            List<String[]> texts) throws SQLException;

    @Override
    public void drop(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        SqlStructures.execute(connection, dialect.dropTable(tables.qualified(tables.fullText(field.name()))));
    }

    private List<String[]> storedTexts(Connection connection, SqlTables tables, StoredField field)
            throws SQLException {
        String column = dialect.quote(field.name());
        String select = "SELECT " + dialect.quote(Names.OBJECT_ID) + ", " + column + " FROM "
                + tables.qualified(tables.entity()) + " WHERE " + column + " IS NOT NULL";
        List<String[]> texts = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(select)) {
            while (rows.next()) {
                texts.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return texts;
    }
}
