package io.heavenbase.backend.sql;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.Chunks;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads field values back as canonical Java values: inline columns through the dialect's
 * {@link SqlTypeMapping}, SideTable fields from their side tables in element order (a NULL count
 * column means a null value, 0 an empty list).
 */
record SqlRowReader(SqlDialect dialect, StatementCache statements) {

    /**
     * Field values of the rows with these ids (distinct), each map holding object_id then the shape's
     * fields, read with the SELECT text of the {@link FetchShapes.Shape}.
     */
    Map<String, Map<String, Object>> fetch(Connection connection, FetchShapes.Shape shape, EntityLayout layout,
            Collection<String> ids) throws SQLException {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        List<StoredField> fields = shape.fields();
        String idColumn = dialect.quote(Names.OBJECT_ID);
        List<? extends Collection<String>> chunks = ids.isEmpty() ? List.of()
                : ids.size() <= dialect.maxIdsPerStatement() ? List.of(ids)
                : Chunks.of(ids, dialect.maxIdsPerStatement());
        for (Collection<String> chunk : chunks) {
            BoundSql condition = dialect.idIn(idColumn, chunk);
            BoundSql sql = new BoundSql(shape.selectPrefix() + condition.sql(), condition.params());
            statements.forEachRow(connection, sql, result -> {
                String id = result.getString(1);
                rows.put(id, readColumns(result, 2, layout, fields, id));
            });
        }
        loadSideTables(connection, shape.tables(), layout, fields, rows);
        return rows;
    }

    /**
     * Reads {@code fields} from consecutive result columns starting at {@code firstColumn} into a
     * map that starts with object_id; SideTable fields get an empty list placeholder (or null) to
     * be filled by {@link #loadSideTables}.
     */
    Map<String, Object> readColumns(ResultSet result, int firstColumn, EntityLayout layout, List<StoredField> fields,
            String id) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Names.OBJECT_ID, id);
        int column = firstColumn;
        for (StoredField field : fields) {
            if (field.strategy() == Strategy.SIDE_TABLE) {
                result.getLong(column++);
                values.put(field.name(), result.wasNull() ? null : new ArrayList<>());
            } else {
                values.put(field.name(),
                        dialect.types().read(result, column++, field.dtype(), layout.entityId(), field.name()));
            }
        }
        return values;
    }

    /** Fills the SideTable placeholders of {@code rows} (maps keyed by object_id) from the side tables. */
    void loadSideTables(Connection connection, SqlTables tables, EntityLayout layout, List<StoredField> fields,
            Map<String, Map<String, Object>> rows) throws SQLException {
        for (StoredField field : fields) {
            if (field.strategy() != Strategy.SIDE_TABLE) {
                continue;
            }
            List<String> owners = new ArrayList<>();
            rows.forEach((id, values) -> {
                if (values.get(field.name()) != null) {
                    owners.add(id);
                }
            });
            Map<String, List<Object>> elements = sideValues(connection, tables, layout, field, owners);
            for (String owner : owners) {
                rows.get(owner).put(field.name(), List.copyOf(elements.getOrDefault(owner, List.of())));
            }
        }
    }

    private Map<String, List<Object>> sideValues(Connection connection, SqlTables tables, EntityLayout layout,
            StoredField field, List<String> owners) throws SQLException {
        Map<String, List<Object>> out = new HashMap<>();
        Map<String, DType> columns = SqlStructures.sideColumns(field);
        boolean hyperG = field.dtype().kind() == DType.Kind.HYPERG;
        StringBuilder select = new StringBuilder("SELECT ").append(dialect.quote(SqlStructures.OWNER_ID));
        for (String column : columns.keySet()) {
            select.append(", ").append(dialect.quote(column));
        }
        select.append(" FROM ").append(tables.qualified(tables.side(field.name()))).append(" WHERE ");
        for (List<String> chunk : Chunks.of(owners, dialect.maxIdsPerStatement())) {
            BoundSql sql = new SqlBuilder().append(select.toString())
                    .append(dialect.idIn(dialect.quote(SqlStructures.OWNER_ID), chunk))
                    .append(" ORDER BY " + dialect.quote(SqlStructures.OWNER_ID) + ", "
                            + dialect.quote(SqlStructures.POSITION))
                    .build();
            statements.forEachRow(connection, sql, result -> out.computeIfAbsent(result.getString(1),
                    k -> new ArrayList<>()).add(readElement(result, layout, field, columns, hyperG)));
        }
        return out;
    }

    private Object readElement(ResultSet result, EntityLayout layout, StoredField field, Map<String, DType> columns,
            boolean hyperG) throws SQLException {
        int index = 2;
        if (!hyperG) {
            return dialect.types().read(result, index, field.dtype().element(), layout.entityId(), field.name());
        }
        Map<String, Object> item = new LinkedHashMap<>();
        for (Map.Entry<String, DType> column : columns.entrySet()) {
            item.put(column.getKey(),
                    dialect.types().read(result, index++, column.getValue(), layout.entityId(), field.name()));
        }
        return item;
    }
}
