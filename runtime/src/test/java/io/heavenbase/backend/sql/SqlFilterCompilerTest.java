package io.heavenbase.backend.sql;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.backend.sql.postgres.PostgresDialect;
import io.heavenbase.backend.sql.sqlite.SqliteDialect;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden SQL for filter expressions: the sqlite dialect and the family defaults. */
class SqlFilterCompilerTest {

    private final EntityLayout article = layout("article", inline("title", "ShortText"), inline("price", "Float"),
            inline("flag", "Boolean"), inline("at", "Timestamp"), inline("day", "Date"), inline("tags", "Array"),
            side("labels", "Array"), inline("body", "LongText"), inline("contained", "Array"));

    private BoundSql sqlite(Expr expr) {
        SqliteDialect dialect = new SqliteDialect();
        return new SqlFilterCompiler(dialect, new SqlTables(dialect, null, "", article), article, "t", "main")
                .compile(expr);
    }

    private BoundSql generic(Expr expr) {
        CollatingDialect dialect = new CollatingDialect();
        return new SqlFilterCompiler(dialect, new SqlTables(dialect, "app", "hb_", article), article, "t", "main")
                .compile(expr);
    }

    private static Expr.Leaf leaf(String field, Op op, Object value) {
        return new Expr.Leaf(field, op, value);
    }

    @Test
    void comparisonsAreFalseOnNull() {
        BoundSql sql = sqlite(leaf("price", Op.LT, 10.0));

        assertThat(sql.sql()).isEqualTo("(t.\"price\" IS NOT NULL AND t.\"price\" < ?)");
        assertThat(sql.values()).containsExactly(10.0);
    }

    @Test
    void notEqualIsTrueOnNull() {
        assertThat(sqlite(leaf("title", Op.NE, "x")).sql()).isEqualTo("(t.\"title\" IS NULL OR t.\"title\" <> ?)");
    }

    @Test
    void membershipBindsEveryValueAndEmptyListsAreConstants() {
        BoundSql in = sqlite(leaf("title", Op.IN, List.of("a", "b")));

        assertThat(in.sql()).isEqualTo("(t.\"title\" IS NOT NULL AND t.\"title\" IN (?, ?))");
        assertThat(in.values()).containsExactly("a", "b");
        assertThat(sqlite(leaf("title", Op.NIN, List.of("a"))).sql())
                .isEqualTo("(t.\"title\" IS NULL OR t.\"title\" NOT IN (?))");
        assertThat(sqlite(leaf("title", Op.IN, List.of())).sql()).isEqualTo("1=0");
        assertThat(sqlite(leaf("title", Op.NIN, List.of())).sql()).isEqualTo("1=1");
    }

    @Test
    void nullTestsUseIsNull() {
        assertThat(sqlite(leaf("title", Op.NULL, true)).sql()).isEqualTo("t.\"title\" IS NULL");
        assertThat(sqlite(leaf("labels", Op.NULL, false)).sql()).isEqualTo("t.\"labels\" IS NOT NULL");
    }

    @Test
    void combinatorsNestInParenthesesAndEmptyOnesAreConstants() {
        Expr expr = new Expr.Not(new Expr.And(List.of(leaf("title", Op.EQ, "x"),
                new Expr.Or(List.of(leaf("price", Op.GTE, 1.0), new Expr.Or(List.of()))))));

        assertThat(sqlite(expr).sql()).isEqualTo("(NOT ((t.\"title\" IS NOT NULL AND t.\"title\" = ?) AND "
                + "((t.\"price\" IS NOT NULL AND t.\"price\" >= ?) OR 1=0)))");
        assertThat(sqlite(new Expr.And(List.of())).sql()).isEqualTo("1=1");
    }

    @Test
    void typedValuesAreBoundInTheirStorageForm() {
        assertThat(sqlite(leaf("flag", Op.EQ, true)).values()).containsExactly(1L);
        assertThat(sqlite(leaf("at", Op.GT, Instant.ofEpochMilli(1234))).values()).containsExactly(1234L);
        assertThat(sqlite(leaf("day", Op.LTE, LocalDate.of(2024, 2, 29))).values()).containsExactly("2024-02-29");
    }

    @Test
    void inlineArrayContainsReadsTheJsonArray() {
        BoundSql sql = sqlite(leaf("tags", Op.ARRAY_CONTAINS, "red"));

        assertThat(sql.sql()).isEqualTo(
                "(t.\"tags\" IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(t.\"tags\") j WHERE j.value = ?))");
        assertThat(sql.values()).containsExactly("red");
    }

    @Test
    void sideTableArrayContainsIsACorrelatedExists() {
        assertThat(sqlite(leaf("labels", Op.ARRAY_CONTAINS, "x")).sql()).isEqualTo("EXISTS (SELECT 1 FROM "
                + "\"article__labels\" s WHERE s.\"owner_id\" = t.\"object_id\" AND s.\"value\" = ?)");
    }

    @Test
    void matchBecomesQuotedFts5PhrasesOfTheQueryWords() {
        BoundSql sql = sqlite(leaf("body", Op.MATCH, "Hello, \"World\"! AND"));

        assertThat(sql.sql()).isEqualTo("t.\"hb_rowid\" IN (SELECT rowid FROM \"article__fts_body\" WHERE "
                + "\"article__fts_body\" MATCH ?)");
        assertThat(sql.values()).containsExactly("\"hello\" \"world\" \"and\"");
    }

    @Test
    void matchOnAFieldWithoutFullTextIndexIsAScanThroughHbMatchWithTheDistinctQueryWords() {
        BoundSql sql = sqlite(leaf("title", Op.MATCH, "Hello, hello WORLD"));

        assertThat(sql.sql()).isEqualTo("hb_match(t.\"title\", ?) = 1");
        assertThat(sql.values()).containsExactly("hello world");
    }

    @Test
    void matchOnAFieldWithoutFullTextIndexIsRefusedWhereTheDialectHasNoScan() {
        PostgresDialect dialect = new PostgresDialect();
        SqlFilterCompiler compiler = new SqlFilterCompiler(dialect, new SqlTables(dialect, null, "", article), article,
                "t", "main");

        assertThatThrownBy(() -> compiler.compile(leaf("title", Op.MATCH, "hello")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("match")
                .hasMessageContaining("article.title");
        assertThat(compiler.compile(leaf("body", Op.MATCH, "hello")).sql()).contains("\"article$words\"");
    }

    @Test
    void matchWithoutWordsMatchesNothing() {
        assertThat(sqlite(leaf("body", Op.MATCH, " ?! ")).sql()).isEqualTo("1=0");
    }

    @Test
    void containedInIsNeverCompiledNatively() {
        assertThatThrownBy(() -> sqlite(leaf("contained", Op.CONTAINED_IN, "new york")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("contained_in")
                .hasMessageContaining("article.contained");
    }

    @Test
    void aFieldNotOnThisBackendIsRejected() {
        assertThatThrownBy(() -> sqlite(leaf("elsewhere", Op.EQ, "x")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("'elsewhere'")
                .hasMessageContaining("backend 'main'");
    }

    @Test
    void otherDialectsAddTheirCodePointCollationAndQualifySideTables() {
        assertThat(generic(leaf("title", Op.LT, "m")).sql())
                .isEqualTo("(t.\"title\" IS NOT NULL AND t.\"title\" COLLATE \"C\" < ?)");
        assertThat(generic(leaf("labels", Op.ARRAY_CONTAINS, "x")).sql()).isEqualTo("EXISTS (SELECT 1 FROM "
                + "\"app\".\"hb_article__labels\" s WHERE s.\"owner_id\" = t.\"object_id\" AND "
                + "s.\"value\" COLLATE \"C\" = ?)");
    }

    /** A PostgreSQL-like dialect built from the family defaults. */
    static final class CollatingDialect extends SqlDialect {

        CollatingDialect() {
            super("collating", CapabilityTable.builder().build(), new SqlTypeMapping());
        }

        @Override
        public String codePointOrder(String textSql) {
            return textSql + " COLLATE \"C\"";
        }
    }
}
