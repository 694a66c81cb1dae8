package io.heavenbase.backend.dialects;

import static io.heavenbase.backend.dialects.DialectFixtures.HOSTILE;
import static io.heavenbase.backend.dialects.DialectFixtures.everyType;
import static io.heavenbase.backend.dialects.DialectFixtures.leaf;
import static io.heavenbase.backend.dialects.DialectFixtures.row;
import static io.heavenbase.backend.dialects.DialectFixtures.small;
import static io.heavenbase.backend.dialects.DialectFixtures.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ExecutionMode;
import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.backend.dialects.RecordingConnection.Sent;
import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.oracle.OracleDialect;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden SQL of the oracle dialect (hand-written expectations; no Oracle Database runs here). */
class OracleDialectTest {

    private static final String EMPTY_TEXT = "\u0000";

    private final OracleDialect dialect = new OracleDialect();
    private final RecordingConnection db = new RecordingConnection("APP");
    private final EntityLayout item = small();

    private SqlBackend backend() {
        return DialectFixtures.backend(dialect, db, "APP");
    }

    private BoundSql filter(Expr expr) {
        return where(dialect, item, expr);
    }

    private static String ignoring(int code, String ddl) {
        return "BEGIN EXECUTE IMMEDIATE '" + ddl + "'; EXCEPTION WHEN OTHERS THEN IF SQLCODE <> " + code
                + " THEN RAISE; END IF; END;";
    }

    @Test
    void givenEveryType_whenEnsured_thenCreateTableRunsInABlockThatIgnoresOra955() {
        backend().ensure(everyType());

        assertThat(db.sql().get(0)).isEqualTo(ignoring(-955, "CREATE TABLE \"APP\".\"item\" (\"object_id\" "
                + "VARCHAR2(63 CHAR) PRIMARY KEY, \"ref\" VARCHAR2(63 CHAR), \"title\" VARCHAR2(255 CHAR), \"summary\" "
                + "CLOB, \"body\" CLOB, \"kind\" VARCHAR2(1000 CHAR), \"qty\" NUMBER(19), \"price\" BINARY_DOUBLE, "
                + "\"active\" NUMBER(1), \"created\" NUMBER(19), \"day\" VARCHAR2(16), \"meta\" CLOB, \"sizes\" CLOB, "
                + "\"tags\" NUMBER(10), \"links\" NUMBER(10), \"embedding\" BLOB, \"file\" BLOB)"));
    }

    @Test
    void givenSideTableFields_whenEnsured_thenEachGetsATableKeyedByOwnerAndPositionWithoutAValueIndex() {
        backend().ensure(everyType());

        assertThat(db.sql()).filteredOn(sql -> !sql.startsWith("ALTER")).containsExactly(db.sql().get(0),
                "SELECT * FROM \"APP\".\"item\" WHERE 1 = 0",
                ignoring(-955, "CREATE TABLE \"APP\".\"item__tags\" (\"owner_id\" VARCHAR2(63 CHAR) NOT NULL, \"pos\" "
                        + "NUMBER(10) NOT NULL, \"value\" VARCHAR2(255 CHAR), PRIMARY KEY (\"owner_id\", \"pos\"))"),
                ignoring(-955, "CREATE TABLE \"APP\".\"item__links\" (\"owner_id\" VARCHAR2(63 CHAR) NOT NULL, \"pos\" "
                        + "NUMBER(10) NOT NULL, \"slot\" VARCHAR2(255 CHAR), \"value\" VARCHAR2(255 CHAR), \"topic\" "
                        + "VARCHAR2(255 CHAR), PRIMARY KEY (\"owner_id\", \"pos\"))"));
    }

    @Test
    void givenAColumnTheServerDoesNotReport_whenEnsured_thenItIsAddedInParentheses() {
        backend().ensure(item);

        assertThat(db.sql().subList(1, 3)).containsExactly("SELECT * FROM \"APP\".\"item\" WHERE 1 = 0",
                "ALTER TABLE \"APP\".\"item\" ADD (\"title\" VARCHAR2(255 CHAR))");
    }

    @Test
    void givenALayout_whenDropped_thenEveryTableIsPurgedIgnoringOra942() {
        backend().drop(item);

        assertThat(db.sql()).containsExactly(ignoring(-942, "DROP TABLE \"APP\".\"item__tags\" PURGE"),
                ignoring(-942, "DROP TABLE \"APP\".\"item\" PURGE"));
    }

    @Test
    void givenRows_whenUpserted_thenEachIsAMergeInABlockWhoseVariablesTakeTheColumnTypes() {
        backend().upsert(item, List.of(row(item, "a1", "title", HOSTILE, "qty", 5, "active", false, "tags",
                List.of("x"))));

        String table = "\"APP\".\"item\"";
        String merge = "DECLARE hb$0 " + table + ".\"object_id\"%TYPE := ?; hb$1 " + table + ".\"title\"%TYPE := ?; "
                + "hb$2 " + table + ".\"qty\"%TYPE := ?; hb$3 " + table + ".\"active\"%TYPE := ?; hb$4 " + table
                + ".\"tags\"%TYPE := ?; BEGIN MERGE INTO " + table + " d USING (SELECT hb$0 AS \"object_id\" FROM dual) "
                + "s ON (d.\"object_id\" = s.\"object_id\") WHEN MATCHED THEN UPDATE SET d.\"title\" = hb$1, d.\"qty\" = "
                + "hb$2, d.\"active\" = hb$3, d.\"tags\" = hb$4 WHEN NOT MATCHED THEN INSERT (\"object_id\", \"title\", "
                + "\"qty\", \"active\", \"tags\") VALUES (hb$0, hb$1, hb$2, hb$3, hb$4); END;";
        assertThat(db.sent()).containsExactly(
                new Sent("SELECT \"object_id\" FROM " + table + " WHERE \"object_id\" IN (?)", List.of("a1")),
                new Sent(merge, List.of("a1", HOSTILE, 5L, 0L, 1L)),
                new Sent("INSERT INTO \"APP\".\"item__tags\" (\"owner_id\", \"pos\", \"value\") VALUES (?, ?, ?)",
                        List.of("a1", 0L, "x")));
    }

    @Test
    void givenNoFields_whenUpserted_thenTheMergeOnlyInserts() {
        assertThat(dialect.upsert("\"t\"", List.of())).isEqualTo("DECLARE hb$0 \"t\".\"object_id\"%TYPE := ?; BEGIN "
                + "MERGE INTO \"t\" d USING (SELECT hb$0 AS \"object_id\" FROM dual) s ON (d.\"object_id\" = "
                + "s.\"object_id\") WHEN NOT MATCHED THEN INSERT (\"object_id\") VALUES (hb$0); END;");
    }

    @Test
    void givenAnEmptyText_whenWrittenFilteredAndRead_thenTheMarkerKeepsItDistinctFromNull() throws SQLException {
        backend().upsert(item, List.of(row(item, "a1", "title", "", "tags", List.of(""))));
        BoundSql eq = filter(leaf("title", Op.EQ, ""));

        assertThat(db.sent().get(1).params()).containsExactly("a1", EMPTY_TEXT, new RecordingConnection.Null(
                java.sql.Types.BIGINT), new RecordingConnection.Null(java.sql.Types.SMALLINT), 1L);
        assertThat(db.sent().get(2).params()).containsExactly("a1", 0L, EMPTY_TEXT);
        assertThat(eq.values()).containsExactly(EMPTY_TEXT);
        assertThat(dialect.types().read(ResultSets.holding(EMPTY_TEXT), 1, DType.parse("ShortText"), "item", "title"))
                .isEqualTo("");
        assertThat(dialect.types().read(ResultSets.holding(null), 1, DType.parse("ShortText"), "item", "title"))
                .isNull();
    }

    @Test
    void givenIds_whenFetched_thenTheyAreBoundInAnInList() {
        backend().fetch(item, List.of("a1", "b2"), List.of("qty"));

        assertThat(db.sent()).containsExactly(new Sent("SELECT \"object_id\", \"qty\" FROM \"APP\".\"item\" WHERE "
                + "\"object_id\" IN (?, ?)", List.of("a1", "b2")));
    }

    @Test
    void givenIds_whenDeleted_thenSideRowsGoFirstThenTheRows() {
        backend().delete(item, List.of("a1"));

        assertThat(db.sent()).containsExactly(
                new Sent("DELETE FROM \"APP\".\"item__tags\" WHERE \"owner_id\" IN (?)", List.of("a1")),
                new Sent("DELETE FROM \"APP\".\"item\" WHERE \"object_id\" IN (?)", List.of("a1")));
    }

    @Test
    void givenEveryComparison_whenCompiled_thenEachIsNeverNull() {
        assertThat(filter(leaf("title", Op.LTE, "m")).sql()).isEqualTo("(t.\"title\" IS NOT NULL AND t.\"title\" <= ?)");
        assertThat(filter(leaf("qty", Op.GT, 1)).sql()).isEqualTo("(t.\"qty\" IS NOT NULL AND t.\"qty\" > ?)");
        assertThat(filter(leaf("qty", Op.NE, 1)).sql()).isEqualTo("(t.\"qty\" IS NULL OR t.\"qty\" <> ?)");
        assertThat(filter(leaf("title", Op.IN, List.of("a"))).sql())
                .isEqualTo("(t.\"title\" IS NOT NULL AND t.\"title\" IN (?))");
        assertThat(filter(leaf("title", Op.NIN, List.of("a"))).sql())
                .isEqualTo("(t.\"title\" IS NULL OR t.\"title\" NOT IN (?))");
        assertThat(filter(leaf("title", Op.NULL, true)).sql()).isEqualTo("t.\"title\" IS NULL");
        assertThat(filter(leaf("title", Op.LT, null)).sql()).isEqualTo("1=0");
    }

    @Test
    void givenNot_whenCompiled_thenItWrapsTheNeverNullCondition() {
        BoundSql sql = filter(new Expr.Not(leaf("active", Op.EQ, true)));

        assertThat(sql.sql()).isEqualTo("(NOT (t.\"active\" IS NOT NULL AND t.\"active\" = ?))");
        assertThat(sql.values()).containsExactly(1L);
    }

    @Test
    void givenArrayContainsOnASideTable_whenCompiled_thenItIsACorrelatedExists() {
        assertThat(filter(leaf("tags", Op.ARRAY_CONTAINS, "x")).sql()).isEqualTo("EXISTS (SELECT 1 FROM "
                + "\"item__tags\" s WHERE s.\"owner_id\" = t.\"object_id\" AND s.\"value\" = ?)");
    }

    @Test
    void givenClobTextKinds_whenAskedForComparisons_thenTheTableSaysFallbackAndShortTextNative() {
        assertThat(OracleDialect.CAPABILITIES.mode(DType.parse("MediumText"), Strategy.INLINE_COLUMN, "eq"))
                .contains(ExecutionMode.FALLBACK);
        assertThat(OracleDialect.CAPABILITIES.mode(DType.parse("LongText"), Strategy.INLINE_COLUMN, "order"))
                .contains(ExecutionMode.FALLBACK);
        assertThat(OracleDialect.CAPABILITIES.mode(DType.parse("LongText"), Strategy.INLINE_COLUMN, "null"))
                .contains(ExecutionMode.NATIVE);
        assertThat(OracleDialect.CAPABILITIES.mode(DType.parse("ShortText"), Strategy.INLINE_COLUMN, "lt"))
                .contains(ExecutionMode.NATIVE);
    }

    @Test
    void givenMatch_whenCompiled_thenItIsRejected() {
        assertThatThrownBy(() -> filter(leaf("title", Op.MATCH, "hello")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("match");
    }

    @Test
    void givenOrderAndPage_whenQueried_thenTextSortsByBinaryNlssortAndTheFetchFollowsTheOffset() {
        Fragment fragment = new Fragment(null, null, null, List.of(new SortKey("title", false)), 20, 10,
                Set.of("qty"));

        backend().execute(item, fragment);

        assertThat(db.sent()).containsExactly(new Sent("SELECT t.\"object_id\", t.\"qty\" FROM \"APP\".\"item\" t "
                + "ORDER BY CASE WHEN t.\"title\" IS NULL THEN 1 ELSE 0 END ASC, NLSSORT(t.\"title\", 'NLS_SORT=BINARY') "
                + "ASC, NLSSORT(t.\"object_id\", 'NLS_SORT=BINARY') OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                List.of(20L, 10L)));
    }

    @Test
    void givenOnlyALimit_whenPaged_thenNoOffsetClauseIsWritten() {
        assertThat(dialect.limitOffset(3, 0).sql()).isEqualTo(" FETCH NEXT ? ROWS ONLY");
        assertThat(dialect.limitOffset(null, 4).sql()).isEqualTo(" OFFSET ? ROWS");
    }

    @Test
    void givenAnIdentifierWithAQuote_whenQuoted_thenTheQuoteIsDoubledAndTheCaseKept() {
        assertThat(dialect.quote("a\"B")).isEqualTo("\"a\"\"B\"");
    }

    @Test
    void givenAHostileValue_whenFiltered_thenItIsOnlyEverAParameter() {
        BoundSql sql = filter(leaf("title", Op.EQ, HOSTILE));

        assertThat(sql.sql()).doesNotContain("DROP");
        assertThat(sql.values()).containsExactly(HOSTILE);
    }

    @Test
    void givenAnAddColumnThatLostARace_whenClassified_thenOnlyOra01430CountsAsAlreadyThere() {
        assertThat(dialect.isAlreadyExists(new SQLException("ORA-01430: column being added already exists in table",
                "72000", 1430))).isTrue();
        assertThat(dialect.isAlreadyExists(new SQLException("ORA-00942: table or view does not exist", "42000",
                942))).isFalse();
    }
}
