package io.heavenbase.backend.sql;

import io.heavenbase.ValidationException;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

/**
 * Creates and drops the tables of an entity part: the entity table ({@code object_id} plus one
 * column per field; a SideTable field's column holds its element count, NULL for a null value), a
 * side table per SideTable field ({@code owner_id}, {@code pos}, then {@code value} for an Array or
 * the HyperG columns; Arrays get an index on (value, owner_id) so a correlated array_contains is one
 * index probe per row) and the dialect's full-text index per text field whose full-text switch is
 * on, with the field's BM25 postings ({@link Bm25Postings}) where the dialect ranks {@code search} natively.
 * Ensure is idempotent: missing columns and tables are created and nothing that holds rows is
 * altered or removed. The one thing it removes is the full-text index of a field whose switch is
 * off: derived data nobody would maintain, so it would be stale if the switch came back on.
 */
public final class SqlStructures {

    /** The column of a side table that holds the owning row's id. */
    public static final String OWNER_ID = "owner_id";
    static final String POSITION = "pos";
    static final String VALUE = "value";

    private final SqlDialect dialect;
    private final Bm25Postings postings;

    SqlStructures(SqlDialect dialect) {
        this.dialect = dialect;
        this.postings = new Bm25Postings(dialect);
    }

    /** The BM25 postings of this dialect's searchable fields. */
    Bm25Postings postings() {
        return postings;
    }

    void ensure(Connection connection, SqlTables tables, EntityLayout layout) throws SQLException {
        checkPhysicalNames(tables, layout);
        dialect.beforeStructureChange(connection, tables, layout);
        String table = tables.qualified(tables.entity());
        List<String> definitions = new ArrayList<>();
        for (StoredField field : layout.fields()) {
            definitions.add(columnDefinition(field));
        }
        boolean fullTextKeyed = dialect.fullText() != null && dialect.fullText().rowKeyColumn() != null
                && layout.fields().stream().anyMatch(this::isSearchable);
        execute(connection, dialect.createEntityTable(table, definitions, fullTextKeyed));
        // One look at the table (it exists now) gives both the columns to add and the stored types to check.
        Map<String, String> storedTypes = dialect.columnTypes(connection, table);
        Set<String> existing = storedTypes.keySet();
        checkStoredColumns(layout, table, storedTypes);
        for (StoredField field : layout.fields()) {
            if (!existing.contains(field.name().toLowerCase(Locale.ROOT))) {
                executeUnlessExists(dialect, connection, dialect.addColumn(table, columnDefinition(field)));
            }
        }
        List<StoredField> unindexed = new ArrayList<>();
        for (StoredField field : layout.fields()) {
            if (field.strategy() == Strategy.SIDE_TABLE) {
                ensureSideTable(connection, tables, field);
            } else if (isSearchable(field)) {
                dialect.fullText().ensure(connection, tables, field);
                if (ranks(field)) {
                    postings.ensure(connection, tables, field);
                }
            } else if (mayHaveFullText(field)) {
                unindexed.add(field);
                if (mayRank(field)) {
                    postings.drop(connection, tables, field);
                }
            }
        }
        if (!unindexed.isEmpty()) {
            dialect.fullText().removeUnindexed(connection, tables, unindexed);
        }
        dialect.afterEnsure(connection, tables, layout);
    }

    void drop(Connection connection, SqlTables tables, EntityLayout layout) throws SQLException {
        dialect.beforeStructureChange(connection, tables, layout);
        for (StoredField field : layout.fields()) {
            if (field.strategy() == Strategy.SIDE_TABLE) {
                execute(connection, dialect.dropTable(tables.qualified(tables.side(field.name()))));
            } else if (mayHaveFullText(field)) {
                dialect.fullText().drop(connection, tables, field);
                if (mayRank(field)) {
                    postings.drop(connection, tables, field);
                }
            }
        }
        execute(connection, dialect.dropTable(tables.qualified(tables.entity())));
    }

    /** Whether the field has a full-text index on this dialect: a text column with its switch on. */
    boolean isSearchable(StoredField field) {
        return field.fullText() && mayHaveFullText(field);
    }

    /** Whether the field has BM25 postings here: searchable, and the dialect ranks {@code search} natively. */
    boolean ranks(StoredField field) {
        return isSearchable(field) && mayRank(field);
    }

    private boolean mayRank(StoredField field) {
        return dialect.capabilities().usesFullTextIndex(field.dtype(), field.strategy(), Ops.SEARCH, true);
    }

    /**
     * Whether the field could have a full-text index here, whatever its switch: its index table
     * name is reserved, so turning the switch on never collides with another table.
     */
    private boolean mayHaveFullText(StoredField field) {
        return dialect.fullText() != null && field.strategy() == Strategy.INLINE_COLUMN
                && field.dtype().kind().isText();
    }

    /** The columns of a field's side table after owner_id and pos: {@code value} or the HyperG columns. */
    static Map<String, DType> sideColumns(StoredField field) {
        DType dtype = field.dtype();
        return dtype.kind() == DType.Kind.HYPERG ? dtype.columns() : Map.of(VALUE, dtype.element());
    }

    private void ensureSideTable(Connection connection, SqlTables tables, StoredField field) throws SQLException {
        String side = tables.qualified(tables.side(field.name()));
        List<String> definitions = new ArrayList<>();
        definitions.add(dialect.quote(OWNER_ID) + " " + dialect.types().keyType() + " NOT NULL");
        definitions.add(dialect.quote(POSITION) + " " + dialect.types().countType() + " NOT NULL");
        for (Entry<String, DType> column : sideColumns(field).entrySet()) {
            definitions.add(dialect.quote(column.getKey()) + " " + dialect.types().columnType(column.getValue()));
        }
        definitions.add("PRIMARY KEY (" + dialect.quote(OWNER_ID) + ", " + dialect.quote(POSITION) + ")");
        execute(connection, dialect.createTable(side, definitions));
        if (field.dtype().kind() == DType.Kind.ARRAY) {
            String index = dialect.createIndex(tables.sideValueIndex(field.name()), side,
                    dialect.indexedColumn(dialect.quote(VALUE), field.dtype().element()) + ", "
                            + dialect.quote(OWNER_ID));
            if (index != null) {
                executeUnlessExists(dialect, connection, index);
            }
        }
    }

    private String columnDefinition(StoredField field) {
        String type = field.strategy() == Strategy.SIDE_TABLE ? dialect.types().countType()
                : dialect.types().columnType(field.dtype());
        return dialect.quote(field.name()) + " " + type;
    }

    /**
     * Fails registration when a column that already exists holds text where the field is now a number, or the
     * other way round: the catalog of field types says what was registered, the table says what is stored, and
     * an entity whose catalog rows were lost (or a table made by another tool) must not read strings from a
     * {@code bigint} column. Nothing is changed when it fails.
     */
    private void checkStoredColumns(EntityLayout layout, String table, Map<String, String> storedTypes) {
        for (StoredField field : layout.fields()) {
            String storedType = storedTypes.get(field.name().toLowerCase(Locale.ROOT));
            String declaredType = field.strategy() == Strategy.SIDE_TABLE ? dialect.types().countType()
                    : dialect.types().columnType(field.dtype());
            ColumnFamily stored = ColumnFamily.of(storedType);
            ColumnFamily declared = ColumnFamily.of(declaredType);
            if (stored != null && declared != null && stored != declared) {
                throw new ValidationException(layout.entityId(), field.name(), "schema_drift", "entity '"
                        + layout.entityId() + "' field '" + field.name() + "' is declared as " + field.dtype()
                        + " (column type " + declaredType + ") but its column in table " + table + " is stored as "
                        + storedType + ". Nothing was changed. Drop the stored data (Workspace.drop()), convert or"
                        + " drop the column yourself, or restore the previous definition");
            }
        }
    }

    /** Rejects layouts whose physical names would collide in a case-insensitive database. */
    private void checkPhysicalNames(SqlTables tables, EntityLayout layout) {
        Map<String, String> columns = new HashMap<>();
        columns.put(Names.OBJECT_ID, Names.OBJECT_ID);
        for (String reserved : dialect.reservedColumns()) {
            columns.put(reserved.toLowerCase(Locale.ROOT), reserved);
        }
        Map<String, String> tableNames = new HashMap<>();
        tableNames.put(tables.entity().toLowerCase(Locale.ROOT), "the entity table");
        for (StoredField field : layout.fields()) {
            String clash = columns.putIfAbsent(field.name().toLowerCase(Locale.ROOT), field.name());
            if (clash != null) {
                throw collision(layout, field, "column name clashes with '" + clash + "'");
            }
            if (field.strategy() == Strategy.SIDE_TABLE) {
                checkSideColumns(layout, field);
                claimTable(tableNames, tables.side(field.name()), layout, field);
            } else if (mayHaveFullText(field)) {
                claimTable(tableNames, tables.fullText(field.name()), layout, field);
                if (mayRank(field)) {
                    claimTable(tableNames, postings.postings(tables, field.name()), layout, field);
                    claimTable(tableNames, postings.lengths(tables, field.name()), layout, field);
                    claimTable(tableNames, postings.statistics(tables, field.name()), layout, field);
                }
            }
        }
    }

    private static void checkSideColumns(EntityLayout layout, StoredField field) {
        for (String column : sideColumns(field).keySet()) {
            Names.requireFieldName(layout.entityId(), column);
            if (column.equalsIgnoreCase(OWNER_ID) || column.equalsIgnoreCase(POSITION)) {
                throw collision(layout, field, "HyperG column '" + column + "' clashes with the side table's key");
            }
        }
    }

    private static void claimTable(Map<String, String> tableNames, String table, EntityLayout layout,
            StoredField field) {
        String clash = tableNames.putIfAbsent(table.toLowerCase(Locale.ROOT), "field '" + field.name() + "'");
        if (clash != null) {
            throw collision(layout, field, "table name '" + table + "' clashes with the table of " + clash);
        }
    }

    private static ValidationException collision(EntityLayout layout, StoredField field, String detail) {
        return new ValidationException(layout.entityId(), field.name(), "physical_name",
                "entity '" + layout.entityId() + "' field '" + field.name() + "' cannot be stored: " + detail);
    }

    /** Runs DDL that may find its column or index already created (by another process, say). */
    static void executeUnlessExists(SqlDialect dialect, Connection connection, String sql) throws SQLException {
        try {
            execute(connection, sql);
        } catch (SQLException e) {
            if (!dialect.isAlreadyExists(e)) {
                throw e;
            }
        }
    }

    /** Runs one DDL statement. */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
