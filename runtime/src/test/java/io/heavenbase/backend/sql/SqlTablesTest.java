package io.heavenbase.backend.sql;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.sqlite.SqliteDialect;
import io.heavenbase.spi.EntityLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Physical names: prefix, entity id, field suffixes, schema qualification and length limits. */
class SqlTablesTest {

    private final SqlDialect limited = new SqlFilterCompilerTest.CollatingDialect();
    private final String longField = "f".repeat(60);
    private final EntityLayout wide = layout("a-very-long-entity-name-for-limits", inline(longField + "1", "ShortText"),
            inline(longField + "2", "ShortText"));

    @Test
    void namesBeyondTheDialectLimitAreShortenedDeterministicallyAndStayDistinct() {
        SqlTables tables = new SqlTables(limited, null, "hb_", wide);

        String first = tables.side(longField + "1");
        String second = tables.side(longField + "2");

        assertThat(first.getBytes(StandardCharsets.UTF_8)).hasSize(63);
        assertThat(first).startsWith("hb_a_very_long_entity_name_for_limits__ff").isNotEqualTo(second);
        assertThat(new SqlTables(limited, null, "hb_", wide).side(longField + "1")).isEqualTo(first);
    }

    @Test
    void namesWithinTheLimitAreKeptAsTheyAre() {
        assertThat(limited.fitIdentifier("short_name")).isEqualTo("short_name");
        assertThat(new SqliteDialect().fitIdentifier("x".repeat(500))).hasSize(500);
    }

    @Test
    void aSchemaQualifiesEveryQuotedTableName() {
        SqlTables tables = new SqlTables(limited, "my schema", "", layout("note"));

        assertThat(tables.qualified(tables.entity())).isEqualTo("\"my schema\".\"note\"");
        assertThat(new SqlTables(limited, "", "", layout("note")).qualified("note")).isEqualTo("\"note\"");
    }

    @Test
    void quotingDoublesEmbeddedQuotes() {
        assertThat(limited.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}
