package io.heavenbase.backend.dialects;

import static io.heavenbase.backend.dialects.DialectFixtures.HOSTILE;
import static io.heavenbase.backend.dialects.DialectFixtures.leaf;
import static io.heavenbase.backend.dialects.DialectFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.ExecutionMode;
import io.heavenbase.backend.dialects.RecordingConnection.Sent;
import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.mssql.MssqlDialect;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Fragment;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden SQL of the mssql dialect (hand-written expectations; no SQL Server runs here). */
class MssqlDialectTest extends GoldenSqlContract<MssqlDialect> {

    private static final String TEXT = "CONVERT(VARCHAR(MAX), ? COLLATE Latin1_General_100_BIN2_UTF8)";
    private static final String C = " COLLATE Latin1_General_100_BIN2_UTF8";

    MssqlDialectTest() {
        super(new MssqlDialect(), "dbo", "app");
    }

    @Override
    protected String entityTable() {
        return "IF OBJECT_ID(N'[app].[item]', N'U') IS NULL CREATE TABLE [app].[item] ("
                + "[object_id] VARCHAR(252)" + C + " PRIMARY KEY, [ref] VARCHAR(252)" + C + ", [title] VARCHAR(1020)"
                + C + ", [summary] VARCHAR(MAX)" + C + ", [body] VARCHAR(MAX)" + C + ", [kind] VARCHAR(1020)" + C
                + ", [qty] BIGINT, [price] FLOAT, [active] BIT, [created] BIGINT, [day] VARCHAR(16)" + C
                + ", [meta] NVARCHAR(MAX), [sizes] NVARCHAR(MAX), [tags] INT, [links] INT, [embedding] VARBINARY(MAX), "
                + "[file] VARBINARY(MAX))";
    }

    /** Side tables carry no value index. */
    @Override
    protected List<String> afterEntityTable() {
        return List.of("SELECT * FROM [app].[item] WHERE 1 = 0",
                "IF OBJECT_ID(N'[app].[item__tags]', N'U') IS NULL CREATE TABLE [app].[item__tags] ([owner_id] "
                        + "VARCHAR(252)" + C + " NOT NULL, [pos] INT NOT NULL, [value] VARCHAR(1020)" + C
                        + ", PRIMARY KEY ([owner_id], [pos]))",
                "IF OBJECT_ID(N'[app].[item__links]', N'U') IS NULL CREATE TABLE [app].[item__links] ([owner_id] "
                        + "VARCHAR(252)" + C + " NOT NULL, [pos] INT NOT NULL, [slot] VARCHAR(1020)" + C
                        + ", [value] VARCHAR(1020)" + C + ", [topic] VARCHAR(1020)" + C
                        + ", PRIMARY KEY ([owner_id], [pos]))");
    }

    @Override
    protected String columnLookup() {
        return "SELECT * FROM [app].[item] WHERE 1 = 0";
    }

    /** Without the COLUMN keyword. */
    @Override
    protected String addTitleColumn() {
        return "ALTER TABLE [app].[item] ADD [title] VARCHAR(1020)" + C;
    }

    @Override
    protected Map<String, Object> upsertedRow() {
        return row(item, "a1", "title", HOSTILE, "qty", 5, "active", true, "tags", List.of("x", "y"));
    }

    /** Each row is one MERGE WITH (HOLDLOCK); ids are bound in the key's collation. */
    @Override
    protected List<Sent> upsertSent() {
        String merge = "MERGE INTO [app].[item] WITH (HOLDLOCK) AS d USING (VALUES (" + TEXT + ", ?, ?, ?, ?)) AS s "
                + "([object_id], [title], [qty], [active], [tags]) ON d.[object_id] = s.[object_id] WHEN MATCHED THEN "
                + "UPDATE SET d.[title] = s.[title], d.[qty] = s.[qty], d.[active] = s.[active], d.[tags] = s.[tags] "
                + "WHEN NOT MATCHED THEN INSERT ([object_id], [title], [qty], [active], [tags]) VALUES (s.[object_id], "
                + "s.[title], s.[qty], s.[active], s.[tags]);";
        String sideInsert = "INSERT INTO [app].[item__tags] ([owner_id], [pos], [value]) VALUES (?, ?, ?)";
        return List.of(
                new Sent("SELECT [object_id] FROM [app].[item] WHERE [object_id] IN (" + TEXT + ")", List.of("a1")),
                new Sent(merge, List.of("a1", HOSTILE, 5L, 1L, 2L)),
                new Sent(sideInsert, List.of("a1", 0L, "x")),
                new Sent(sideInsert, List.of("a1", 1L, "y")));
    }

    @Override
    protected String upsertWithoutFields() {
        return "MERGE INTO [t] WITH (HOLDLOCK) AS d USING (VALUES (" + TEXT + ")) AS s ([object_id]) ON d.[object_id] "
                + "= s.[object_id] WHEN NOT MATCHED THEN INSERT ([object_id]) VALUES (s.[object_id]);";
    }

    @Override
    protected List<String> fetchedFields() {
        return List.of("title", "qty");
    }

    @Override
    protected Sent fetchSent() {
        return new Sent("SELECT [object_id], [title], [qty] FROM [app].[item] WHERE [object_id] IN (" + TEXT + ", "
                + TEXT + ")", List.of("a1", "b2"));
    }

    @Override
    protected List<Sent> deleteSent() {
        return List.of(new Sent("DELETE FROM [app].[item__tags] WHERE [owner_id] IN (" + TEXT + ")", List.of("a1")),
                new Sent("DELETE FROM [app].[item] WHERE [object_id] IN (" + TEXT + ")", List.of("a1")));
    }

    @Override
    protected Expr negated() {
        return new Expr.Not(new Expr.Or(List.of(leaf("active", Op.EQ, true), new Expr.And(List.of()))));
    }

    @Override
    protected String negatedSql() {
        return "(NOT ((t.[active] IS NOT NULL AND t.[active] = ?) OR 1=1))";
    }

    @Override
    protected List<Object> negatedValues() {
        return List.of(1L);
    }

    @Override
    protected String sideArrayContains() {
        return "EXISTS (SELECT 1 FROM [item__tags] s WHERE s.[owner_id] = t.[object_id] AND s.[value] = " + TEXT + ")";
    }

    @Override
    protected Fragment pagedFragment() {
        return new Fragment(leaf("qty", Op.GT, 3), null, null, List.of(new SortKey("title", true)), 10, 5,
                Set.of("title"));
    }

    /** The OFFSET ... FETCH follows the ORDER BY. */
    @Override
    protected Sent pagedSent() {
        return new Sent("SELECT t.[object_id], t.[title] FROM [app].[item] t WHERE (t.[qty] IS NOT NULL AND t.[qty] > ?) "
                + "ORDER BY CASE WHEN t.[title] IS NULL THEN 1 ELSE 0 END DESC, t.[title] DESC, t.[object_id] OFFSET ? "
                + "ROWS FETCH NEXT ? ROWS ONLY", List.of(3L, 10L, 5L));
    }

    @Override
    protected List<String> identifierAndQuoted() {
        return List.of("a]b", "[a]]b]");
    }

    /** Only error 2705 means the column is already there. */
    @Override
    protected Map<Boolean, List<SQLException>> addColumnErrors() {
        return Map.of(true, List.of(new SQLException("Column names in each table must be unique.", "S0001", 2705)),
                false, List.of(new SQLException("Invalid object name 'x'.", "S0002", 208)));
    }

    @Test
    void givenABatchIntoAnEmptyTable_whenUpserted_thenOneEmptinessProbeReplacesTheStoredIdLookup() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row(item, "a" + i, "title", "t", "qty", i, "active", true, "tags", List.of("x")));
        }
        backend().upsert(item, rows);

        assertThat(db.sent().get(0)).isEqualTo(new Sent("SELECT TOP 1 1 FROM [app].[item]", List.of()));
        assertThat(db.sql()).noneMatch(sql -> sql.contains("WHERE [object_id] IN"));
        assertThat(db.sql()).filteredOn(sql -> sql.startsWith("MERGE")).hasSize(100);
    }

    @Test
    void givenComparisons_whenCompiled_thenNullRowsAreFalseAndTextComparesAsUtf8() {
        BoundSql eq = filter(leaf("title", Op.EQ, "a"));
        BoundSql lt = filter(leaf("qty", Op.LT, 3));

        assertThat(eq.sql()).isEqualTo("(t.[title] IS NOT NULL AND t.[title] = " + TEXT + ")");
        assertThat(eq.values()).containsExactly("a");
        assertThat(lt.sql()).isEqualTo("(t.[qty] IS NOT NULL AND t.[qty] < ?)");
        assertThat(lt.values()).containsExactly(3L);
        assertThat(filter(leaf("title", Op.GTE, "b")).sql())
                .isEqualTo("(t.[title] IS NOT NULL AND t.[title] >= " + TEXT + ")");
        assertThat(filter(leaf("qty", Op.EQ, null)).sql()).isEqualTo("1=0");
    }

    @Test
    void givenNotEqual_whenCompiled_thenNullRowsMatch() {
        assertThat(filter(leaf("title", Op.NE, "a")).sql()).isEqualTo("(t.[title] IS NULL OR t.[title] <> " + TEXT + ")");
        assertThat(filter(leaf("title", Op.NE, null)).sql()).isEqualTo("1=1");
    }

    @Test
    void givenMembership_whenCompiled_thenEveryValueIsBoundAndEmptyListsAreConstants() {
        BoundSql in = filter(leaf("title", Op.IN, List.of("a", "b")));

        assertThat(in.sql()).isEqualTo("(t.[title] IS NOT NULL AND t.[title] IN (" + TEXT + ", " + TEXT + "))");
        assertThat(in.values()).containsExactly("a", "b");
        assertThat(filter(leaf("qty", Op.NIN, List.of(1, 2))).sql())
                .isEqualTo("(t.[qty] IS NULL OR t.[qty] NOT IN (?, ?))");
        assertThat(filter(leaf("qty", Op.IN, List.of())).sql()).isEqualTo("1=0");
        assertThat(filter(leaf("qty", Op.NIN, List.of())).sql()).isEqualTo("1=1");
    }

    @Test
    void givenNullTests_whenCompiled_thenTheyUseIsNull() {
        assertThat(filter(leaf("title", Op.NULL, true)).sql()).isEqualTo("t.[title] IS NULL");
        assertThat(filter(leaf("tags", Op.NULL, false)).sql()).isEqualTo("t.[tags] IS NOT NULL");
    }

    @Test
    void givenMatchOrNear_whenAskedForTheirMode_thenTheTableSaysFallback() {
        assertThat(MssqlDialect.CAPABILITIES.mode(DType.parse("LongText"), Strategy.INLINE_COLUMN, "match"))
                .contains(ExecutionMode.FALLBACK);
        assertThat(MssqlDialect.CAPABILITIES.mode(DType.vector(3), Strategy.INLINE_COLUMN, "near"))
                .contains(ExecutionMode.FALLBACK);
    }

    @Test
    void givenOnlyALimitOrOnlyAnOffset_whenPaged_thenOffsetIsAlwaysPresent() {
        assertThat(dialect.limitOffset(5, 0).sql()).isEqualTo(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        assertThat(dialect.limitOffset(5, 0).values()).containsExactly(0L, 5L);
        assertThat(dialect.limitOffset(null, 7).sql()).isEqualTo(" OFFSET ? ROWS");
        assertThat(dialect.limitOffset(null, 0).sql()).isEmpty();
    }
}
