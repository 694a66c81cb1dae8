package io.heavenbase.backend.dialects;

import static io.heavenbase.backend.dialects.DialectFixtures.HOSTILE;
import static io.heavenbase.backend.dialects.DialectFixtures.leaf;
import static io.heavenbase.backend.dialects.DialectFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.ExecutionMode;
import io.heavenbase.backend.dialects.RecordingConnection.Sent;
import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.oracle.OracleDialect;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Fragment;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden SQL of the oracle dialect (hand-written expectations; no Oracle Database runs here). */
class OracleDialectTest extends GoldenSqlContract<OracleDialect> {

    private static final String EMPTY_TEXT = "\u0000";

    OracleDialectTest() {
        super(new OracleDialect(), "APP", "APP");
    }

    private static String ignoring(int code, String ddl) {
        return "BEGIN EXECUTE IMMEDIATE '" + ddl + "'; EXCEPTION WHEN OTHERS THEN IF SQLCODE <> " + code
                + " THEN RAISE; END IF; END;";
    }

    /** CREATE TABLE runs in a block that ignores ORA-955. */
    @Override
    protected String entityTable() {
        return ignoring(-955, "CREATE TABLE \"APP\".\"item\" (\"object_id\" "
                + "VARCHAR2(63 CHAR) PRIMARY KEY, \"ref\" VARCHAR2(63 CHAR), \"title\" VARCHAR2(255 CHAR), \"summary\" "
                + "CLOB, \"body\" CLOB, \"kind\" VARCHAR2(1000 CHAR), \"qty\" NUMBER(19), \"price\" BINARY_DOUBLE, "
                + "\"active\" NUMBER(1), \"created\" NUMBER(19), \"day\" VARCHAR2(16), \"meta\" CLOB, \"sizes\" CLOB, "
                + "\"tags\" NUMBER(10), \"links\" NUMBER(10), \"embedding\" BLOB, \"file\" BLOB)");
    }

    /** Side tables carry no value index. */
    @Override
    protected List<String> afterEntityTable() {
        return List.of("SELECT * FROM \"APP\".\"item\" WHERE 1 = 0",
                ignoring(-955, "CREATE TABLE \"APP\".\"item__tags\" (\"owner_id\" VARCHAR2(63 CHAR) NOT NULL, \"pos\" "
                        + "NUMBER(10) NOT NULL, \"value\" VARCHAR2(255 CHAR), PRIMARY KEY (\"owner_id\", \"pos\"))"),
                ignoring(-955, "CREATE TABLE \"APP\".\"item__links\" (\"owner_id\" VARCHAR2(63 CHAR) NOT NULL, \"pos\" "
                        + "NUMBER(10) NOT NULL, \"slot\" VARCHAR2(255 CHAR), \"value\" VARCHAR2(255 CHAR), \"topic\" "
                        + "VARCHAR2(255 CHAR), PRIMARY KEY (\"owner_id\", \"pos\"))"));
    }

    @Override
    protected String columnLookup() {
        return "SELECT * FROM \"APP\".\"item\" WHERE 1 = 0";
    }

    /** The added column is in parentheses. */
    @Override
    protected String addTitleColumn() {
        return "ALTER TABLE \"APP\".\"item\" ADD (\"title\" VARCHAR2(255 CHAR))";
    }

    @Override
    protected Map<String, Object> upsertedRow() {
        return row(item, "a1", "title", HOSTILE, "qty", 5, "active", false, "tags", List.of("x"));
    }

    /** Each row is a MERGE in a block whose variables take the column types. */
    @Override
    protected List<Sent> upsertSent() {
        String table = "\"APP\".\"item\"";
        String merge = "DECLARE hb$0 " + table + ".\"object_id\"%TYPE := ?; hb$1 " + table + ".\"title\"%TYPE := ?; "
                + "hb$2 " + table + ".\"qty\"%TYPE := ?; hb$3 " + table + ".\"active\"%TYPE := ?; hb$4 " + table
                + ".\"tags\"%TYPE := ?; BEGIN MERGE INTO " + table + " d USING (SELECT hb$0 AS \"object_id\" FROM dual) "
                + "s ON (d.\"object_id\" = s.\"object_id\") WHEN MATCHED THEN UPDATE SET d.\"title\" = hb$1, d.\"qty\" = "
                + "hb$2, d.\"active\" = hb$3, d.\"tags\" = hb$4 WHEN NOT MATCHED THEN INSERT (\"object_id\", \"title\", "
                + "\"qty\", \"active\", \"tags\") VALUES (hb$0, hb$1, hb$2, hb$3, hb$4); END;";
        return List.of(new Sent("SELECT \"object_id\" FROM " + table + " WHERE \"object_id\" IN (?)", List.of("a1")),
                new Sent(merge, List.of("a1", HOSTILE, 5L, 0L, 1L)),
                new Sent("INSERT INTO \"APP\".\"item__tags\" (\"owner_id\", \"pos\", \"value\") VALUES (?, ?, ?)",
                        List.of("a1", 0L, "x")));
    }

    @Override
    protected String upsertWithoutFields() {
        return "DECLARE hb$0 \"t\".\"object_id\"%TYPE := ?; BEGIN MERGE INTO \"t\" d USING (SELECT hb$0 AS "
                + "\"object_id\" FROM dual) s ON (d.\"object_id\" = s.\"object_id\") WHEN NOT MATCHED THEN INSERT "
                + "(\"object_id\") VALUES (hb$0); END;";
    }

    @Override
    protected List<String> fetchedFields() {
        return List.of("qty");
    }

    @Override
    protected Sent fetchSent() {
        return new Sent("SELECT \"object_id\", \"qty\" FROM \"APP\".\"item\" WHERE \"object_id\" IN (?, ?)",
                List.of("a1", "b2"));
    }

    @Override
    protected List<Sent> deleteSent() {
        return List.of(new Sent("DELETE FROM \"APP\".\"item__tags\" WHERE \"owner_id\" IN (?)", List.of("a1")),
                new Sent("DELETE FROM \"APP\".\"item\" WHERE \"object_id\" IN (?)", List.of("a1")));
    }

    @Override
    protected Expr negated() {
        return new Expr.Not(leaf("active", Op.EQ, true));
    }

    @Override
    protected String negatedSql() {
        return "(NOT (t.\"active\" IS NOT NULL AND t.\"active\" = ?))";
    }

    @Override
    protected List<Object> negatedValues() {
        return List.of(1L);
    }

    @Override
    protected String sideArrayContains() {
        return "EXISTS (SELECT 1 FROM \"item__tags\" s WHERE s.\"owner_id\" = t.\"object_id\" AND s.\"value\" = ?)";
    }

    @Override
    protected Fragment pagedFragment() {
        return new Fragment(null, null, null, List.of(new SortKey("title", false)), 20, 10, Set.of("qty"));
    }

    /** Text sorts by binary NLSSORT and the FETCH follows the OFFSET. */
    @Override
    protected Sent pagedSent() {
        return new Sent("SELECT t.\"object_id\", t.\"qty\" FROM \"APP\".\"item\" t ORDER BY CASE WHEN t.\"title\" IS "
                + "NULL THEN 1 ELSE 0 END ASC, NLSSORT(t.\"title\", 'NLS_SORT=BINARY') ASC, NLSSORT(t.\"object_id\", "
                + "'NLS_SORT=BINARY') OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", List.of(20L, 10L));
    }

    /** The case is kept. */
    @Override
    protected List<String> identifierAndQuoted() {
        return List.of("a\"B", "\"a\"\"B\"");
    }

    /** Only ORA-01430 means the column is already there. */
    @Override
    protected Map<Boolean, List<SQLException>> addColumnErrors() {
        return Map.of(true, List.of(new SQLException("ORA-01430: column being added already exists in table", "72000",
                        1430)),
                false, List.of(new SQLException("ORA-00942: table or view does not exist", "42000", 942)));
    }

    @Test
    void givenALayout_whenDropped_thenEveryTableIsPurgedIgnoringOra942() {
        backend().drop(item);

        assertThat(db.sql()).containsExactly(ignoring(-942, "DROP TABLE \"APP\".\"item__tags\" PURGE"),
                ignoring(-942, "DROP TABLE \"APP\".\"item\" PURGE"));
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
    void givenOnlyALimit_whenPaged_thenNoOffsetClauseIsWritten() {
        assertThat(dialect.limitOffset(3, 0).sql()).isEqualTo(" FETCH NEXT ? ROWS ONLY");
        assertThat(dialect.limitOffset(null, 4).sql()).isEqualTo(" OFFSET ? ROWS");
    }
}
