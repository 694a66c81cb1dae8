package io.heavenbase.backend.sql;

import io.heavenbase.ValidationException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import io.heavenbase.spi.support.Chunks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes and deletes rows of an entity part inside the caller's transaction: batched entity
 * upserts, side tables replaced per owner (delete then insert) and full-text entries re-indexed.
 */
record SqlRowWriter(SqlDialect dialect, SqlStructures structures) {

    void upsert(Connection connection, SqlTables tables, EntityLayout layout, List<Map<String, Object>> input)
            throws SQLException {
        List<Map<String, Object>> rows = lastPerId(layout, input);
        if (rows.isEmpty()) {
            return;
        }
        List<StoredField> fields = layout.fields();
        List<String> columns = fields.stream().map(StoredField::name).toList();
        boolean hasSideTables = fields.stream().anyMatch(f -> f.strategy() == Strategy.SIDE_TABLE);
        boolean hasSearchable = fields.stream().anyMatch(structures::isSearchable);
        BulkLoader bulk = dialect.bulkLoader();
        String rowKey = hasSearchable && bulk == null ? dialect.fullText().rowKeyColumn() : null;
        Set<String> replaced;
        Map<String, Long> rowKeys = null;
        if (rowKey != null) {
            RowKeys keys = RowKeys.assign(connection, dialect, tables, rowKey, ids(rows));
            replaced = keys.stored();
            rowKeys = keys.all();
        } else {
            replaced = hasSideTables || hasSearchable ? storedIds(connection, tables, rows) : Set.of();
        }
        if (bulk != null) {
            loadEntityRows(bulk, connection, tables, fields, rows);
        } else if (rowKeys != null) {
            batchKeyedEntityRows(connection, tables, fields, columns, rows, replaced, rowKey, rowKeys);
        } else {
            batchEntityRows(connection, tables, fields, columns, rows);
        }
        for (StoredField field : fields) {
            if (field.strategy() == Strategy.SIDE_TABLE) {
                replaceSideRows(connection, tables, field, rows, replaced);
            } else if (structures.isSearchable(field)) {
                dialect.fullText().write(connection, tables, field, rows, replaced, rowKeys);
                if (structures.ranks(field)) {
                    structures.postings().write(connection, tables, field, rows, replaced);
                }
            }
        }
    }

    private void batchEntityRows(Connection connection, SqlTables tables, List<StoredField> fields,
            List<String> columns, List<Map<String, Object>> rows) throws SQLException {
        if (dialect.rowsPerInsert() > 1 && rows.size() > 1) {
            String table = tables.qualified(tables.entity());
            MultiRowInsert.run(connection, entityParams(fields, rows), dialect.rowsPerInsert(),
                    count -> dialect.upsert(table, columns, count));
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                dialect.upsert(tables.qualified(tables.entity()), columns))) {
            StatementBatch batch = new StatementBatch(statement);
            for (Map<String, Object> row : rows) {
                bindEntityRow(statement, 1, fields, row);
                batch.add();
            }
            batch.flush();
        }
    }

    /**
     * Rows whose row key the writer assigned: the stored ones are upserted (their key stays), the
     * new ones inserted with their key, which is the key the database would have given them.
     */
    private void batchKeyedEntityRows(Connection connection, SqlTables tables, List<StoredField> fields,
            List<String> columns, List<Map<String, Object>> rows, Set<String> replaced, String rowKey,
            Map<String, Long> rowKeys) throws SQLException {
        List<Map<String, Object>> fresh = new ArrayList<>(rows.size() - replaced.size());
        List<Map<String, Object>> stored = new ArrayList<>(replaced.size());
        for (Map<String, Object> row : rows) {
            (replaced.contains((String) row.get(Names.OBJECT_ID)) ? stored : fresh).add(row);
        }
        if (!stored.isEmpty()) {
            batchEntityRows(connection, tables, fields, columns, stored);
        }
        if (fresh.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.qualified(tables.entity())).append(" (")
                .append(dialect.quote(rowKey)).append(", ").append(dialect.quote(Names.OBJECT_ID));
        for (String column : columns) {
            sql.append(", ").append(dialect.quote(column));
        }
        sql.append(") VALUES (?, ?").append(", ?".repeat(columns.size())).append(")");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            StatementBatch batch = new StatementBatch(statement);
            for (Map<String, Object> row : fresh) {
                statement.setLong(1, rowKeys.get((String) row.get(Names.OBJECT_ID)));
                bindEntityRow(statement, 2, fields, row);
                batch.add();
            }
            batch.flush();
        }
    }

    /** Binds object_id then one parameter per field, from parameter {@code first} on. */
    private void bindEntityRow(PreparedStatement statement, int first, List<StoredField> fields,
            Map<String, Object> row) throws SQLException {
        int index = first;
        statement.setString(index++, (String) row.get(Names.OBJECT_ID));
        for (StoredField field : fields) {
            columnParam(field, row.get(field.name())).bind(statement, index++);
        }
    }

    /**
     * The bulk path: always an upsert, also for rows known to be new (DuckDB's plain INSERT stores
     * list elements of -0.0 as -0.0 where its upsert stores 0.0, so the cheaper insert would change
     * what is read back).
     */
    private void loadEntityRows(BulkLoader bulk, Connection connection, SqlTables tables, List<StoredField> fields,
            List<Map<String, Object>> rows) throws SQLException {
        List<String> names = new ArrayList<>(fields.size() + 1);
        names.add(Names.OBJECT_ID);
        fields.forEach(field -> names.add(field.name()));
        bulk.upsert(connection, tables, tables.entity(), names, entityParams(fields, rows));
    }

    /**
     * Per row: object_id then one parameter per field, made when a row is read from the list: a bulk
     * path reads each row once or twice, and a list of all parameters would live (and be copied by
     * the garbage collector) for the whole write.
     */
    private List<List<SqlParam>> entityParams(List<StoredField> fields, List<Map<String, Object>> rows) {
        return new AbstractList<>() {
            @Override
            public List<SqlParam> get(int index) {
                Map<String, Object> row = rows.get(index);
                List<SqlParam> params = new ArrayList<>(fields.size() + 1);
                params.add(SqlParam.text((String) row.get(Names.OBJECT_ID)));
                for (StoredField field : fields) {
                    params.add(columnParam(field, row.get(field.name())));
                }
                return params;
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }

    void delete(Connection connection, SqlTables tables, EntityLayout layout, Collection<String> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        for (StoredField field : layout.fields()) {
            if (structures.isSearchable(field)) {
                dialect.fullText().delete(connection, tables, field, ids);
                if (structures.ranks(field)) {
                    structures.postings().delete(connection, tables, field, ids);
                }
            }
        }
        for (StoredField field : layout.fields()) {
            if (field.strategy() == Strategy.SIDE_TABLE) {
                deleteWhereIdIn(connection, tables.qualified(tables.side(field.name())), SqlStructures.OWNER_ID, ids);
            }
        }
        deleteWhereIdIn(connection, tables.qualified(tables.entity()), Names.OBJECT_ID, ids);
    }

    private void replaceSideRows(Connection connection, SqlTables tables, StoredField field,
            List<Map<String, Object>> rows, Set<String> replaced) throws SQLException {
        BulkLoader bulk = dialect.bulkLoader();
        if (bulk != null) {
            loadSideRows(bulk, connection, tables, field, rows, replaced);
            return;
        }
        String side = tables.qualified(tables.side(field.name()));
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + side + " WHERE " + dialect.quote(SqlStructures.OWNER_ID) + " = ?")) {
            StatementBatch batch = new StatementBatch(delete);
            for (String id : replaced) {
                delete.setString(1, id);
                batch.add();
            }
            batch.flush();
        }
        Map<String, DType> columns = SqlStructures.sideColumns(field);
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(side).append(" (")
                .append(dialect.quote(SqlStructures.OWNER_ID)).append(", ")
                .append(dialect.quote(SqlStructures.POSITION));
        for (String column : columns.keySet()) {
            sql.append(", ").append(dialect.quote(column));
        }
        if (dialect.rowsPerInsert() > 1) {
            String insert = sql.append(") VALUES ").toString();
            MultiRowInsert.run(connection, sideParams(field, rows), dialect.rowsPerInsert(),
                    count -> insert + MultiRowInsert.values(columns.size() + 2, count));
            return;
        }
        sql.append(") VALUES (?, ?").append(", ?".repeat(columns.size())).append(")");
        boolean hyperG = field.dtype().kind() == DType.Kind.HYPERG;
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            StatementBatch batch = new StatementBatch(insert);
            for (Map<String, Object> row : rows) {
                List<?> elements = (List<?>) row.get(field.name());
                if (elements == null) {
                    continue;
                }
                for (int position = 0; position < elements.size(); position++) {
                    insert.setString(1, (String) row.get(Names.OBJECT_ID));
                    insert.setLong(2, position);
                    Object element = elements.get(position);
                    int index = 3;
                    for (Map.Entry<String, DType> column : columns.entrySet()) {
                        Object value = hyperG ? ((Map<?, ?>) element).get(column.getKey()) : element;
                        dialect.types().param(column.getValue(), value).bind(insert, index++);
                    }
                    batch.add();
                }
            }
            batch.flush();
        }
    }

    /** The bulk path: the replaced owners' rows go in one id-set delete, the new rows in one bulk insert. */
    private void loadSideRows(BulkLoader bulk, Connection connection, SqlTables tables, StoredField field,
            List<Map<String, Object>> rows, Set<String> replaced) throws SQLException {
        deleteWhereIdIn(connection, tables.qualified(tables.side(field.name())), SqlStructures.OWNER_ID, replaced);
        List<String> names = new ArrayList<>(List.of(SqlStructures.OWNER_ID, SqlStructures.POSITION));
        names.addAll(SqlStructures.sideColumns(field).keySet());
        List<List<SqlParam>> values = sideParams(field, rows);
        if (!values.isEmpty()) {
            bulk.insert(connection, tables, tables.side(field.name()), names, values);
        }
    }

    /** Per element of every row's list: owner_id, pos, then the side table's value columns. */
    private List<List<SqlParam>> sideParams(StoredField field, List<Map<String, Object>> rows) {
        Map<String, DType> columns = SqlStructures.sideColumns(field);
        boolean hyperG = field.dtype().kind() == DType.Kind.HYPERG;
        List<List<SqlParam>> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<?> elements = (List<?>) row.get(field.name());
            for (int position = 0; elements != null && position < elements.size(); position++) {
                List<SqlParam> params = new ArrayList<>(columns.size() + 2);
                params.add(SqlParam.text((String) row.get(Names.OBJECT_ID)));
                params.add(SqlParam.integer(position));
                Object element = elements.get(position);
                for (Map.Entry<String, DType> column : columns.entrySet()) {
                    Object value = hyperG ? ((Map<?, ?>) element).get(column.getKey()) : element;
                    params.add(dialect.types().param(column.getValue(), value));
                }
                values.add(params);
            }
        }
        return values;
    }

    /**
     * Writes of at least this many rows first ask whether the table is empty. Below it the probe would
     * only add a round trip to a lookup that is cheap anyway (and a table is rarely empty).
     */
    static final int EMPTY_PROBE_MIN_ROWS = 100;

    /** The ids among these rows that are already stored: only they have side or index rows to replace. */
    private Set<String> storedIds(Connection connection, SqlTables tables, List<Map<String, Object>> rows)
            throws SQLException {
        if (rows.size() >= EMPTY_PROBE_MIN_ROWS && isEmpty(connection, tables)) {
            return Set.of();
        }
        List<String> ids = ids(rows);
        Set<String> stored = new HashSet<>();
        for (List<String> chunk : Chunks.of(ids, dialect.maxIdsPerStatement())) {
            BoundSql sql = new SqlBuilder().append("SELECT " + dialect.quote(Names.OBJECT_ID) + " FROM ")
                    .append(tables.qualified(tables.entity())).append(" WHERE ")
                    .append(dialect.idIn(dialect.quote(Names.OBJECT_ID), chunk)).build();
            try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    stored.add(result.getString(1));
                }
            }
        }
        return stored;
    }

    /** Whether the entity table has no row: then none of the written ids is stored, and there is nothing to look up. */
    private boolean isEmpty(Connection connection, SqlTables tables) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.anyRow(tables.qualified(tables.entity())));
                ResultSet result = statement.executeQuery()) {
            return !result.next();
        }
    }

    private static List<String> ids(List<Map<String, Object>> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            ids.add((String) row.get(Names.OBJECT_ID));
        }
        return ids;
    }

    private void deleteWhereIdIn(Connection connection, String table, String column, Collection<String> ids)
            throws SQLException {
        for (List<String> chunk : Chunks.of(ids, dialect.maxIdsPerStatement())) {
            BoundSql sql = new SqlBuilder().append("DELETE FROM ").append(table).append(" WHERE ")
                    .append(dialect.idIn(dialect.quote(column), chunk)).build();
            try (PreparedStatement statement = sql.prepare(connection)) {
                statement.executeUpdate();
            }
        }
    }

    private SqlParam columnParam(StoredField field, Object value) {
        if (field.strategy() == Strategy.SIDE_TABLE) {
            return value == null ? SqlParam.nullOf(Types.INTEGER) : SqlParam.integer(((List<?>) value).size());
        }
        return dialect.types().param(field.dtype(), value);
    }

    /** The rows in input order, keeping only the last row of an id that occurs more than once. */
    private static List<Map<String, Object>> lastPerId(EntityLayout layout, List<Map<String, Object>> input) {
        // The engine hands over distinct ids: check that cheaply and copy only when ids repeat.
        Set<String> seen = new HashSet<>(Math.max(16, input.size() * 4 / 3 + 1));
        boolean distinct = true;
        for (Map<String, Object> row : input) {
            distinct &= seen.add(requireId(layout, row.get(Names.OBJECT_ID)));
        }
        if (distinct) {
            return input;
        }
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (Map<String, Object> row : input) {
            String id = (String) row.get(Names.OBJECT_ID);
            byId.remove(id);
            byId.put(id, row);
        }
        return new ArrayList<>(byId.values());
    }

    private static String requireId(EntityLayout layout, Object id) {
        if (!(id instanceof String) || ((String) id).isEmpty()) {
            throw new ValidationException(layout.entityId(), Names.OBJECT_ID, "object_id",
                    "entity '" + layout.entityId() + "': every row written to a backend needs a non-empty "
                            + "String object_id, got " + Names.shorten(id));
        }
        return (String) id;
    }
}
