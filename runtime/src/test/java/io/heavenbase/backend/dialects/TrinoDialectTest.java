package io.heavenbase.backend.dialects;

import static io.heavenbase.backend.dialects.DialectFixtures.HOSTILE;
import static io.heavenbase.backend.dialects.DialectFixtures.everyType;
import static io.heavenbase.backend.dialects.DialectFixtures.leaf;
import static io.heavenbase.backend.dialects.DialectFixtures.row;
import static io.heavenbase.backend.dialects.DialectFixtures.small;
import static io.heavenbase.backend.dialects.DialectFixtures.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.backend.dialects.RecordingConnection.Sent;
import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.backend.sql.trino.TrinoDialect;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden SQL of the trino dialect (hand-written expectations; no Trino server runs here). */
class TrinoDialectTest {

    private final TrinoDialect dialect = new TrinoDialect();
    private final RecordingConnection db = new RecordingConnection("lake");
    private final EntityLayout item = small();

    private SqlBackend backend() {
        return DialectFixtures.backend(dialect, db, "lake");
    }

    private BoundSql filter(Expr expr) {
        return where(dialect, item, expr);
    }

    @Test
    void givenEveryType_whenEnsured_thenTheTableUsesOnlyTypesEveryWritableConnectorAcceptsAndNoConstraints() {
        backend().ensure(everyType());

        assertThat(db.sql().get(0)).isEqualTo("CREATE TABLE IF NOT EXISTS \"lake\".\"item\" (\"object_id\" VARCHAR "
                + "NOT NULL, \"ref\" VARCHAR, \"title\" VARCHAR, \"summary\" VARCHAR, \"body\" VARCHAR, \"kind\" VARCHAR, "
                + "\"qty\" BIGINT, \"price\" DOUBLE, \"active\" BOOLEAN, \"created\" BIGINT, \"day\" VARCHAR, \"meta\" "
                + "VARCHAR, \"sizes\" VARCHAR, \"tags\" BIGINT, \"links\" BIGINT, \"embedding\" VARBINARY, \"file\" "
                + "VARBINARY)");
    }

    @Test
    void givenSideTableFields_whenEnsured_thenTheirTablesHaveNoPrimaryKeyAndNoIndex() {
        backend().ensure(everyType());

        assertThat(db.sql()).filteredOn(sql -> !sql.startsWith("ALTER")).containsExactly(db.sql().get(0),
                "SELECT * FROM \"lake\".\"item\" WHERE 1 = 0",
                "CREATE TABLE IF NOT EXISTS \"lake\".\"item__tags\" (\"owner_id\" VARCHAR NOT NULL, \"pos\" BIGINT "
                        + "NOT NULL, \"value\" VARCHAR)",
                "CREATE TABLE IF NOT EXISTS \"lake\".\"item__links\" (\"owner_id\" VARCHAR NOT NULL, \"pos\" BIGINT "
                        + "NOT NULL, \"slot\" VARCHAR, \"value\" VARCHAR, \"topic\" VARCHAR)");
    }

    @Test
    void givenAColumnTheServerDoesNotReport_whenEnsured_thenItIsAdded() {
        backend().ensure(item);

        assertThat(db.sql().subList(1, 3)).containsExactly("SELECT * FROM \"lake\".\"item\" WHERE 1 = 0",
                "ALTER TABLE \"lake\".\"item\" ADD COLUMN \"title\" VARCHAR");
    }

    @Test
    void givenRows_whenUpserted_thenEachIsOneMergeFromABoundSelectAndBooleansAreBooleans() {
        backend().upsert(item, List.of(row(item, "a1", "title", HOSTILE, "qty", 5, "active", true, "tags",
                List.of("x", "y"))));

        String merge = "MERGE INTO \"lake\".\"item\" d USING (SELECT ? AS \"object_id\", ? AS \"title\", ? AS \"qty\", "
                + "? AS \"active\", ? AS \"tags\") s ON (d.\"object_id\" = s.\"object_id\") WHEN MATCHED THEN UPDATE SET "
                + "\"title\" = s.\"title\", \"qty\" = s.\"qty\", \"active\" = s.\"active\", \"tags\" = s.\"tags\" WHEN NOT "
                + "MATCHED THEN INSERT (\"object_id\", \"title\", \"qty\", \"active\", \"tags\") VALUES (s.\"object_id\", "
                + "s.\"title\", s.\"qty\", s.\"active\", s.\"tags\")";
        String sideInsert = "INSERT INTO \"lake\".\"item__tags\" (\"owner_id\", \"pos\", \"value\") VALUES (?, ?, ?), "
                + "(?, ?, ?)";
        assertThat(db.sent()).containsExactly(
                new Sent("SELECT \"object_id\" FROM \"lake\".\"item\" WHERE \"object_id\" IN (?)", List.of("a1")),
                new Sent(merge, List.of("a1", HOSTILE, 5L, true, 2L)),
                new Sent(sideInsert, List.of("a1", 0L, "x", "a1", 1L, "y")));
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
    void givenNoFields_whenUpserted_thenTheMergeOnlyInserts() {
        assertThat(dialect.upsert("\"t\"", List.of())).isEqualTo("MERGE INTO \"t\" d USING (SELECT ? AS \"object_id\") "
                + "s ON (d.\"object_id\" = s.\"object_id\") WHEN NOT MATCHED THEN INSERT (\"object_id\") VALUES "
                + "(s.\"object_id\")");
    }

    @Test
    void givenAStoredBoolean_whenRead_thenItIsReadAsABoolean() throws SQLException {
        assertThat(dialect.types().read(ResultSets.holding(true), 1, DType.parse("Boolean"), "item", "active"))
                .isEqualTo(true);
        assertThat(dialect.types().read(ResultSets.holding(null), 1, DType.parse("Boolean"), "item", "active"))
                .isNull();
    }

    @Test
    void givenIds_whenFetchedAndDeleted_thenTheyAreBoundInInLists() {
        backend().fetch(item, List.of("a1", "b2"), List.of("active"));
        backend().delete(item, List.of("a1"));

        assertThat(db.sent()).containsExactly(
                new Sent("SELECT \"object_id\", \"active\" FROM \"lake\".\"item\" WHERE \"object_id\" IN (?, ?)",
                        List.of("a1", "b2")),
                new Sent("DELETE FROM \"lake\".\"item__tags\" WHERE \"owner_id\" IN (?)", List.of("a1")),
                new Sent("DELETE FROM \"lake\".\"item\" WHERE \"object_id\" IN (?)", List.of("a1")));
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
    void givenNotOverAnd_whenCompiled_thenItWrapsTheNeverNullConditions() {
        BoundSql sql = filter(new Expr.Not(new Expr.And(List.of(leaf("qty", Op.LT, 5),
                leaf("tags", Op.ARRAY_CONTAINS, "x")))));

        assertThat(sql.sql()).isEqualTo("(NOT ((t.\"qty\" IS NOT NULL AND t.\"qty\" < ?) AND EXISTS (SELECT 1 FROM "
                + "\"item__tags\" s WHERE s.\"owner_id\" = t.\"object_id\" AND s.\"value\" = ?)))");
        assertThat(sql.values()).containsExactly(5L, "x");
    }

    @Test
    void givenMatch_whenCompiled_thenItIsRejected() {
        assertThatThrownBy(() -> filter(leaf("title", Op.MATCH, "hello")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("match");
    }

    @Test
    void givenOrderAndPage_whenQueried_thenOffsetComesBeforeLimit() {
        Fragment fragment = new Fragment(null, null, Set.of("a1"), List.of(new SortKey("qty", false)), 2, 3,
                Set.of("title"));

        backend().execute(item, fragment);

        assertThat(db.sent()).containsExactly(new Sent("SELECT t.\"object_id\", t.\"title\" FROM \"lake\".\"item\" t "
                + "WHERE t.\"object_id\" IN (?) ORDER BY CASE WHEN t.\"qty\" IS NULL THEN 1 ELSE 0 END ASC, t.\"qty\" ASC, "
                + "t.\"object_id\" OFFSET ? LIMIT ?", List.of("a1", 2L, 3L)));
    }

    @Test
    void givenOnlyALimit_whenPaged_thenThereIsNoOffset() {
        assertThat(dialect.limitOffset(3, 0).sql()).isEqualTo(" LIMIT ?");
        assertThat(dialect.limitOffset(null, 4).sql()).isEqualTo(" OFFSET ?");
    }

    @Test
    void givenAnIdentifierWithAQuote_whenQuoted_thenTheQuoteIsDoubled() {
        assertThat(dialect.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void givenAHostileValue_whenFiltered_thenItIsOnlyEverAParameter() {
        BoundSql sql = filter(leaf("title", Op.NE, HOSTILE));

        assertThat(sql.sql()).doesNotContain("DROP");
        assertThat(sql.values()).containsExactly(HOSTILE);
    }

    @Test
    void givenAnAddColumnThatLostARace_whenClassified_thenOnlyAnExistingColumnCountsAsAlreadyThere() {
        assertThat(dialect.isAlreadyExists(new SQLException("line 1:1: Column 'title' already exists"))).isTrue();
        assertThat(dialect.isAlreadyExists(new SQLException("line 1:1: Table 'lake.item' already exists")))
                .isFalse();
    }
}
