package io.heavenbase.backend.sql;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Metric;
import io.heavenbase.backend.sql.sqlite.SqliteDialect;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden SELECTs for pushed-down fragments. */
class SqlQueryCompilerTest {

    private final EntityLayout article = layout("article", inline("title", "ShortText"), inline("price", "Float"),
            side("labels", "Array"), inline("vec", "Vector[2]"));

    private BoundSql select(SqlDialect dialect, Fragment fragment) {
        return new SqlQueryCompiler(dialect, new SqlTables(dialect, null, "", article), article, "main")
                .select(fragment, List.of(article.field("title"), article.field("labels")));
    }

    @Test
    void filterCandidatesOrderAndPagingFormOneSelect() {
        Fragment fragment = new Fragment(new Expr.Leaf("price", Op.GT, 1.0), null,
                new LinkedHashSet<>(List.of("a", "b")),
                List.of(new SortKey("price", true), new SortKey("title", false)),
                5, 10, Set.of());

        BoundSql sql = select(new SqliteDialect(), fragment);

        assertThat(sql.sql()).isEqualTo("SELECT t.\"object_id\", t.\"title\", t.\"labels\" FROM \"article\" t "
                + "WHERE (t.\"price\" IS NOT NULL AND t.\"price\" > ?) "
                + "AND t.\"object_id\" IN (SELECT value FROM json_each(?)) "
                + "ORDER BY CASE WHEN t.\"price\" IS NULL THEN 1 ELSE 0 END DESC, t.\"price\" DESC, "
                + "CASE WHEN t.\"title\" IS NULL THEN 1 ELSE 0 END ASC, t.\"title\" ASC, t.\"object_id\" "
                + "LIMIT ? OFFSET ?");
        assertThat(sql.values()).hasSize(4).startsWith(1.0).endsWith(10L, 5L);
    }

    @Test
    void sqliteNeedsALimitBeforeAnOffset() {
        BoundSql sql = select(new SqliteDialect(), new Fragment(null, null, null, List.of(), 3, null, Set.of()));

        assertThat(sql.sql()).endsWith("ORDER BY t.\"object_id\" LIMIT -1 OFFSET ?");
        assertThat(sql.values()).containsExactly(3L);
    }

    @Test
    void nearScoresExcludesNullVectorsAndCutsAfterTheFilter() {
        Fragment fragment = new Fragment(new Expr.Leaf("title", Op.EQ, "x"),
                new NearSpec("vec", new float[] {1f, 0f}, 3, Metric.COSINE), null, List.of(), 0, null, Set.of());

        BoundSql sql = select(new SqliteDialect(), fragment);

        assertThat(sql.sql()).isEqualTo("SELECT t.\"object_id\", hb_similarity(t.\"vec\", ?, ?), t.\"title\", "
                + "t.\"labels\" FROM \"article\" t WHERE (t.\"title\" IS NOT NULL AND t.\"title\" = ?) "
                + "AND t.\"vec\" IS NOT NULL ORDER BY 2 DESC, t.\"object_id\" LIMIT ?");
        assertThat(sql.values()).hasSize(4).endsWith("cosine", "x", 3L);
    }

    @Test
    void theFamilyDefaultsBindIdListsAndPageWithLimitOffset() {
        Fragment fragment = new Fragment(null, null, new LinkedHashSet<>(List.of("a", "b")), List.of(), 2, null,
                Set.of());

        BoundSql sql = select(new SqlFilterCompilerTest.CollatingDialect(), fragment);

        assertThat(sql.sql()).isEqualTo("SELECT t.\"object_id\", t.\"title\", t.\"labels\" FROM \"article\" t "
                + "WHERE t.\"object_id\" IN (?, ?) ORDER BY t.\"object_id\" COLLATE \"C\" OFFSET ?");
        assertThat(sql.values()).hasSize(3).containsOnlyOnce("a", "b").endsWith(2L);
    }
}
