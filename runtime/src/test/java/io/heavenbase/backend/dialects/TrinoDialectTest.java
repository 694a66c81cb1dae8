package io.heavenbase.backend.dialects;

import static io.heavenbase.backend.dialects.DialectFixtures.HOSTILE;
import static io.heavenbase.backend.dialects.DialectFixtures.leaf;
import static io.heavenbase.backend.dialects.DialectFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.dialects.RecordingConnection.Sent;
import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.trino.TrinoDialect;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.spi.Fragment;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden SQL of the trino dialect (hand-written expectations; no Trino server runs here). */
class TrinoDialectTest extends GoldenSqlContract<TrinoDialect> {

    TrinoDialectTest() {
        super(new TrinoDialect(), "lake", "lake");
    }

    /** Only types every writable connector accepts, and no constraints. */
    @Override
    protected String entityTable() {
        return "CREATE TABLE IF NOT EXISTS \"lake\".\"item\" (\"object_id\" VARCHAR "
                + "NOT NULL, \"ref\" VARCHAR, \"title\" VARCHAR, \"summary\" VARCHAR, \"body\" VARCHAR, \"kind\" VARCHAR, "
                + "\"qty\" BIGINT, \"price\" DOUBLE, \"active\" BOOLEAN, \"created\" BIGINT, \"day\" VARCHAR, \"meta\" "
                + "VARCHAR, \"sizes\" VARCHAR, \"tags\" BIGINT, \"links\" BIGINT, \"embedding\" VARBINARY, \"file\" "
                + "VARBINARY)";
    }

    /** Side tables have no primary key and no index. */
    @Override
    protected List<String> afterEntityTable() {
        return List.of("SELECT * FROM \"lake\".\"item\" WHERE 1 = 0",
                "CREATE TABLE IF NOT EXISTS \"lake\".\"item__tags\" (\"owner_id\" VARCHAR NOT NULL, \"pos\" BIGINT "
                        + "NOT NULL, \"value\" VARCHAR)",
                "CREATE TABLE IF NOT EXISTS \"lake\".\"item__links\" (\"owner_id\" VARCHAR NOT NULL, \"pos\" BIGINT "
                        + "NOT NULL, \"slot\" VARCHAR, \"value\" VARCHAR, \"topic\" VARCHAR)");
    }

    @Override
    protected String columnLookup() {
        return "SELECT * FROM \"lake\".\"item\" WHERE 1 = 0";
    }

    @Override
    protected String addTitleColumn() {
        return "ALTER TABLE \"lake\".\"item\" ADD COLUMN \"title\" VARCHAR";
    }

    @Override
    protected Map<String, Object> upsertedRow() {
        return row(item, "a1", "title", HOSTILE, "qty", 5, "active", true, "tags", List.of("x", "y"));
    }

    /** One MERGE from a bound SELECT; booleans are booleans; side rows go in one multi-row INSERT. */
    @Override
    protected List<Sent> upsertSent() {
        String merge = "MERGE INTO \"lake\".\"item\" d USING (SELECT ? AS \"object_id\", ? AS \"title\", ? AS \"qty\", "
                + "? AS \"active\", ? AS \"tags\") s ON (d.\"object_id\" = s.\"object_id\") WHEN MATCHED THEN UPDATE SET "
                + "\"title\" = s.\"title\", \"qty\" = s.\"qty\", \"active\" = s.\"active\", \"tags\" = s.\"tags\" WHEN NOT "
                + "MATCHED THEN INSERT (\"object_id\", \"title\", \"qty\", \"active\", \"tags\") VALUES (s.\"object_id\", "
                + "s.\"title\", s.\"qty\", s.\"active\", s.\"tags\")";
        String sideInsert = "INSERT INTO \"lake\".\"item__tags\" (\"owner_id\", \"pos\", \"value\") VALUES (?, ?, ?), "
                + "(?, ?, ?)";
        return List.of(new Sent("SELECT \"object_id\" FROM \"lake\".\"item\" WHERE \"object_id\" IN (?)", List.of("a1")),
                new Sent(merge, List.of("a1", HOSTILE, 5L, true, 2L)),
                new Sent(sideInsert, List.of("a1", 0L, "x", "a1", 1L, "y")));
    }

    @Override
    protected String upsertWithoutFields() {
        return "MERGE INTO \"t\" d USING (SELECT ? AS \"object_id\") s ON (d.\"object_id\" = s.\"object_id\") WHEN NOT "
                + "MATCHED THEN INSERT (\"object_id\") VALUES (s.\"object_id\")";
    }

    @Override
    protected List<String> fetchedFields() {
        return List.of("active");
    }

    @Override
    protected Sent fetchSent() {
        return new Sent("SELECT \"object_id\", \"active\" FROM \"lake\".\"item\" WHERE \"object_id\" IN (?, ?)",
                List.of("a1", "b2"));
    }

    @Override
    protected List<Sent> deleteSent() {
        return List.of(new Sent("DELETE FROM \"lake\".\"item__tags\" WHERE \"owner_id\" IN (?)", List.of("a1")),
                new Sent("DELETE FROM \"lake\".\"item\" WHERE \"object_id\" IN (?)", List.of("a1")));
    }

    @Override
    protected Expr negated() {
        return new Expr.Not(new Expr.And(List.of(leaf("qty", Op.LT, 5), leaf("tags", Op.ARRAY_CONTAINS, "x"))));
    }

    @Override
    protected String negatedSql() {
        return "(NOT ((t.\"qty\" IS NOT NULL AND t.\"qty\" < ?) AND EXISTS (SELECT 1 FROM \"item__tags\" s WHERE "
                + "s.\"owner_id\" = t.\"object_id\" AND s.\"value\" = ?)))";
    }

    @Override
    protected List<Object> negatedValues() {
        return List.of(5L, "x");
    }

    @Override
    protected String sideArrayContains() {
        return "EXISTS (SELECT 1 FROM \"item__tags\" s WHERE s.\"owner_id\" = t.\"object_id\" AND s.\"value\" = ?)";
    }

    @Override
    protected Fragment pagedFragment() {
        return new Fragment(null, null, Set.of("a1"), List.of(new SortKey("qty", false)), 2, 3, Set.of("title"));
    }

    /** OFFSET comes before LIMIT. */
    @Override
    protected Sent pagedSent() {
        return new Sent("SELECT t.\"object_id\", t.\"title\" FROM \"lake\".\"item\" t WHERE t.\"object_id\" IN (?) "
                + "ORDER BY CASE WHEN t.\"qty\" IS NULL THEN 1 ELSE 0 END ASC, t.\"qty\" ASC, t.\"object_id\" OFFSET ? "
                + "LIMIT ?", List.of("a1", 2L, 3L));
    }

    @Override
    protected List<String> identifierAndQuoted() {
        return List.of("a\"b", "\"a\"\"b\"");
    }

    /** Only an existing column, not an existing table, means the column is already there. */
    @Override
    protected Map<Boolean, List<SQLException>> addColumnErrors() {
        return Map.of(true, List.of(new SQLException("line 1:1: Column 'title' already exists")),
                false, List.of(new SQLException("line 1:1: Table 'lake.item' already exists")));
    }

    @Test
    void givenSeveralRows_whenUpserted_thenOneMergeFromBoundValuesTakesThemAll() {
        backend().upsert(item, List.of(row(item, "a1", "title", "one", "qty", 1), row(item, "b2", "title", "two")));

        String merge = "MERGE INTO \"lake\".\"item\" d USING (VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)) s (\"object_id\", "
                + "\"title\", \"qty\", \"active\", \"tags\") ON (d.\"object_id\" = s.\"object_id\") WHEN MATCHED THEN "
                + "UPDATE SET \"title\" = s.\"title\", \"qty\" = s.\"qty\", \"active\" = s.\"active\", \"tags\" = "
                + "s.\"tags\" WHEN NOT MATCHED THEN INSERT (\"object_id\", \"title\", \"qty\", \"active\", \"tags\") VALUES "
                + "(s.\"object_id\", s.\"title\", s.\"qty\", s.\"active\", s.\"tags\")";
        assertThat(db.sent()).extracting(Sent::sql).contains(merge);
        assertThat(db.sent()).filteredOn(sent -> sent.sql().startsWith("MERGE")).hasSize(1);
    }

    @Test
    void givenAStoredBoolean_whenRead_thenItIsReadAsABoolean() throws SQLException {
        assertThat(dialect.types().read(ResultSets.holding(true), 1, DType.parse("Boolean"), "item", "active"))
                .isEqualTo(true);
        assertThat(dialect.types().read(ResultSets.holding(null), 1, DType.parse("Boolean"), "item", "active"))
                .isNull();
    }

    @Test
    void givenEveryComparison_whenCompiled_thenEachIsNeverNull() {
        BoundSql active = filter(leaf("active", Op.EQ, false));

        assertThat(active.sql()).isEqualTo("(t.\"active\" IS NOT NULL AND t.\"active\" = ?)");
        assertThat(active.values()).containsExactly(false);
        assertThat(filter(leaf("title", Op.GT, "m")).sql()).isEqualTo("(t.\"title\" IS NOT NULL AND t.\"title\" > ?)");
        assertThat(filter(leaf("qty", Op.NE, 2)).sql()).isEqualTo("(t.\"qty\" IS NULL OR t.\"qty\" <> ?)");
        assertThat(filter(leaf("qty", Op.IN, List.of(1, 2))).sql())
                .isEqualTo("(t.\"qty\" IS NOT NULL AND t.\"qty\" IN (?, ?))");
        assertThat(filter(leaf("title", Op.NIN, List.of())).sql()).isEqualTo("1=1");
        assertThat(filter(leaf("tags", Op.NULL, true)).sql()).isEqualTo("t.\"tags\" IS NULL");
    }

    @Test
    void givenOnlyALimit_whenPaged_thenThereIsNoOffset() {
        assertThat(dialect.limitOffset(3, 0).sql()).isEqualTo(" LIMIT ?");
        assertThat(dialect.limitOffset(null, 4).sql()).isEqualTo(" OFFSET ?");
    }
}
