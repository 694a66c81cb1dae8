package io.heavenbase.backend.sql;

import io.heavenbase.BackendException;
import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.ValueOrder;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.FilterBudget;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import io.heavenbase.spi.SearchFragment;
import io.heavenbase.spi.StoredField;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Backend} over JDBC, the same for every SQL database: the {@link SqlDialect} supplies
 * the SQL that differs, the {@link ConnectionSource} the connections. Every write is one
 * transaction; every SQL failure becomes a {@link BackendException} naming this backend, the
 * operation and the entity, with configured secrets removed from the message.
 */
public final class SqlBackend implements Backend {

    private final String name;
    private final String prefix;
    private final String schema;
    private final SqlDialect dialect;
    private final ConnectionSource connections;
    private final SecretRedactor redactor;
    private final SqlStructures structures;
    private final SqlRowWriter writer;
    private final SqlRowReader reader;
    private final StatementCache statements;
    private final FetchShapes shapes;
    private final Bm25Search ranking;

    /**
     * @param name the workspace-local backend name
     * @param prefix physical-name prefix for tables (validated by {@link io.heavenbase.spi.BackendConfig#prefix})
     * @param schema database schema for the tables, or null for the connection's default
     */
    public SqlBackend(String name, String prefix, String schema, SqlDialect dialect, ConnectionSource connections,
            SecretRedactor redactor) {
        this.name = Names.requireBackendName(name);
        this.prefix = prefix == null ? "" : prefix;
        this.schema = schema;
        this.dialect = dialect;
        this.connections = connections;
        this.redactor = redactor;
        this.structures = new SqlStructures(dialect);
        this.writer = new SqlRowWriter(dialect, structures);
        this.statements = new StatementCache(dialect.cachesStatements());
        this.reader = new SqlRowReader(dialect, statements);
        this.shapes = new FetchShapes(dialect, this::tables);
        this.ranking = new Bm25Search(dialect, structures.postings());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return dialect.type();
    }

    @Override
    public CapabilityTable capabilities() {
        return dialect.capabilities();
    }

    @Override
    public FilterBudget filterBudget() {
        return dialect.filterBudget();
    }

    /** The dialect this backend speaks. */
    public SqlDialect dialect() {
        return dialect;
    }

    /** The physical table names of an entity part, for diagnostics and tests. */
    public SqlTables tables(EntityLayout layout) {
        return new SqlTables(dialect, schema, prefix, layout);
    }

    @Override
    public void ensure(EntityLayout layout) {
        changeStructure("ensure", layout, structures::ensure);
    }

    @Override
    public void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        SqlTables tables = tables(layout);
        write("upsert", layout, connection -> {
            writer.upsert(connection, tables, layout, rows);
            return null;
        });
    }

    @Override
    public Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids,
            Collection<String> fields) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        FetchShapes.Shape shape = shapes.shape(layout, fields);
        Collection<String> distinctIds = ids.size() == 1 ? ids : new LinkedHashSet<>(ids);
        return read("fetch", layout, connection -> reader.fetch(connection, shape, layout, distinctIds));
    }

    @Override
    public void delete(EntityLayout layout, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        SqlTables tables = tables(layout);
        Set<String> distinctIds = new LinkedHashSet<>(ids);
        write("delete", layout, connection -> {
            writer.delete(connection, tables, layout, distinctIds);
            return null;
        });
    }

    /**
     * Runs the fragment in one SELECT. With a near, SQL returns the top-k by score; a non-empty
     * order then re-sorts those k rows (it may name {@code score}) and offset/limit page them, in
     * Java with {@link ValueOrder}, exactly as {@link io.heavenbase.spi.support.RowScan} does. Hit columns
     * hold every requested column (null when not stored here; {@code score} is the score).
     */
    @Override
    public List<Hit> execute(EntityLayout layout, Fragment fragment) {
        NearSpec near = fragment.near();
        boolean nothingToFind = (near != null && near.topK() <= 0)
                || (fragment.limit() != null && fragment.limit() <= 0)
                || (fragment.candidates() != null && fragment.candidates().isEmpty());
        if (nothingToFind) {
            return List.of();
        }
        if (fragment.idsOnly()) {
            return idHits(layout, fragment);
        }
        FetchShapes.Shape shape = shapes.shape(layout, near == null ? fragment.columns() : nearColumns(fragment));
        SqlTables tables = shape.tables();
        List<StoredField> columns = shape.fields();
        List<Map<String, Object>> rows = near != null && dialect.nearSearch() != null
                ? read("execute", layout, connection -> Transaction.run(connection,
                        inTransaction -> searchedRows(inTransaction, shape, layout, fragment)))
                : selectedRows(tables, layout, fragment, columns);
        if (near != null) {
            rows = rankedPage(rows, fragment);
        }
        List<Hit> hits = new ArrayList<>(rows.size());
        boolean allStored = near == null && columns.size() == fragment.columns().size();
        for (Map<String, Object> row : rows) {
            if (allStored) {
                // The row holds object_id and exactly the requested columns: it becomes the hit's map.
                String id = (String) row.remove(Names.OBJECT_ID);
                hits.add(new Hit(id, Double.NaN, row));
                continue;
            }
            Map<String, Object> values = new HashMap<>();
            for (String column : fragment.columns()) {
                values.put(column, row.get(column));
            }
            Object score = row.get(Names.SCORE);
            hits.add(new Hit((String) row.get(Names.OBJECT_ID), score == null ? Double.NaN : (Double) score, values));
        }
        return hits;
    }

    /** An ids-only fragment: one SELECT of object_id without ORDER BY, hits without columns. */
    private List<Hit> idHits(EntityLayout layout, Fragment fragment) {
        SqlTables tables = shapes.shape(layout, List.of()).tables();
        BoundSql sql = new SqlQueryCompiler(dialect, tables, layout, name).select(fragment, List.of());
        return read("execute", layout, connection -> {
            List<Hit> hits = new ArrayList<>();
            statements.forEachRow(connection, sql, result -> hits.add(new Hit(result.getString(1), Double.NaN,
                    Map.of())));
            return hits;
        });
    }

    /** The fragment in one SELECT: object_id, the score with a near, then the columns. */
    private List<Map<String, Object>> selectedRows(SqlTables tables, EntityLayout layout, Fragment fragment,
            List<StoredField> columns) {
        NearSpec near = fragment.near();
        BoundSql sql = new SqlQueryCompiler(dialect, tables, layout, name).select(fragment, columns);
        return read("execute", layout, connection -> {
            Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
            statements.forEachRow(connection, sql, result -> {
                String id = result.getString(1);
                Map<String, Object> row = reader.readColumns(result, near == null ? 2 : 3, layout, columns, id);
                if (near != null) {
                    row.put(Names.SCORE, result.getDouble(2));
                }
                byId.put(id, row);
            });
            reader.loadSideTables(connection, tables, layout, columns, byId);
            return new ArrayList<>(byId.values());
        });
    }

    /**
     * A near through the dialect's {@link NearSearch}: ids and scores first, then the columns of
     * those rows, in the same transaction.
     */
    private List<Map<String, Object>> searchedRows(Connection connection, FetchShapes.Shape shape, EntityLayout layout,
            Fragment fragment) throws SQLException {
        SqlTables tables = shape.tables();
        SqlQueryCompiler compiler = new SqlQueryCompiler(dialect, tables, layout, name);
        List<Hit> found = dialect.nearSearch().search(connection, tables, compiler.nearField(fragment.near()), fragment,
                compiler.eligibility(fragment));
        if (found.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, Map<String, Object>> stored = reader.fetch(connection, shape, layout,
                found.stream().map(Hit::objectId).toList());
        List<Map<String, Object>> rows = new ArrayList<>(found.size());
        for (Hit hit : found) {
            Map<String, Object> row = stored.get(hit.objectId());
            if (row != null) {
                row.put(Names.SCORE, hit.score());
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> rankedPage(List<Map<String, Object>> topK, Fragment fragment) {
        List<Map<String, Object>> rows = new ArrayList<>(topK);
        if (!fragment.order().isEmpty()) {
            rows.sort(ValueOrder.rows(fragment.order()));
        }
        int from = Math.min(Math.max(fragment.offset(), 0), rows.size());
        int to = fragment.limit() == null ? rows.size() : (int) Math.min((long) from + fragment.limit(), rows.size());
        return rows.subList(from, to);
    }

    /**
     * Ranks through the field's BM25 postings ({@link Bm25Search}): statistics, then one ranking statement with the
     * filter and candidates in SQL, in one transaction so they see the same rows.
     */
    @Override
    public List<Hit> search(EntityLayout layout, SearchFragment search) {
        StoredField field = layout.field(search.field());
        if (field == null || !structures.ranks(field)) {
            throw new UnsupportedCapabilityException(name, field == null ? null : field.dtype().toString(), "search",
                    "backend '" + name + "' keeps no BM25 postings for " + layout.entityId() + "." + search.field()
                            + " (a text field with its full-text switch on has them)");
        }
        if (search.candidates() != null && search.candidates().isEmpty()) {
            return List.of();
        }
        SqlTables tables = tables(layout);
        BoundSql eligibility = search.filter() == null && search.candidates() == null ? null
                : new SqlQueryCompiler(dialect, tables, layout, name)
                        .eligibility(Fragment.filter(search.filter(), search.candidates()));
        return read("search", layout, connection -> Transaction.run(connection,
                inTransaction -> ranking.search(inTransaction, tables, search, eligibility)));
    }

    @Override
    public long count(EntityLayout layout) {
        String sql = "SELECT COUNT(*) FROM " + tables(layout).qualified(tables(layout).entity());
        return read("count", layout, connection -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    @Override
    public Set<String> ids(EntityLayout layout) {
        SqlTables tables = tables(layout);
        String sql = "SELECT " + dialect.quote(Names.OBJECT_ID) + " FROM " + tables.qualified(tables.entity())
                + " ORDER BY " + dialect.codePointSortKey(dialect.quote(Names.OBJECT_ID));
        return read("ids", layout, connection -> {
            Set<String> out = new LinkedHashSet<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    out.add(result.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public void drop(EntityLayout layout) {
        changeStructure("drop", layout, structures::drop);
    }

    /** Runs a change of the entity's tables; the cached fetch shapes of the entity are forgotten first. */
    private void changeStructure(String operation, EntityLayout layout, StructureChange change) {
        SqlTables tables = tables(layout);
        shapes.forget(layout);
        write(operation, layout, connection -> {
            change.apply(connection, tables, layout);
            return null;
        });
    }

    /** {@link SqlStructures#ensure} or {@link SqlStructures#drop}. */
    @FunctionalInterface
    private interface StructureChange {
        void apply(Connection connection, SqlTables tables, EntityLayout layout) throws SQLException;
    }

    @Override
    public void ping() {
        try {
            connections.read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(dialect.ping());
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("ping", e);
        }
    }

    @Override
    public void close() {
        statements.clear();
        connections.close();
    }

    @Override
    public String toString() {
        return "SqlBackend[" + name + ", " + dialect.type() + "]";
    }

    /** The requested columns and the order fields of a near fragment (its order re-sorts the top-k here). */
    private static List<String> nearColumns(Fragment fragment) {
        List<String> wanted = new ArrayList<>(fragment.columns());
        fragment.order().forEach(key -> wanted.add(key.field()));
        return wanted;
    }

    private <T> T read(String operation, EntityLayout layout, SqlWork<T> work) {
        try {
            return connections.read(work);
        } catch (SQLException e) {
            throw failure(operation + " of entity '" + layout.entityId() + "'", e);
        }
    }

    private <T> T write(String operation, EntityLayout layout, SqlWork<T> work) {
        try {
            return connections.write(work);
        } catch (SQLException e) {
            throw failure(operation + " of entity '" + layout.entityId() + "'", e);
        }
    }

    private BackendException failure(String operation, SQLException e) {
        String message = e.getClass().getSimpleName() + ": " + redactor.redact(String.valueOf(e.getMessage()));
        return new BackendException(name, operation, message, e);
    }
}
