package io.heavenbase.backend.sql.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.DialectTypesContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every logical type is read back from MySQL/MariaDB as exactly the canonical Java value that was written
 * ({@link DialectTypesContract}, arrays in side tables), and long names are shortened apart.
 */
class MysqlTypesTest extends DialectTypesContract {

    private final EntityLayout everything = layout("everything",
            inline("ident", "Identifier[author]"), inline("short", "ShortText"), inline("medium", "MediumText"),
            inline("long", "LongText"), inline("count", "Integer"), inline("ratio", "Float"),
            inline("flag", "Boolean"), inline("status", "Categorical[draft,published]"),
            inline("at", "Timestamp"), inline("day", "Date"), side("tags", "Array"),
            side("numbers", "Array[Integer]"), side("days", "Array[Date]"), side("flags", "Array[Boolean]"),
            side("stamps", "Array[Timestamp]"), side("notes", "Array[LongText]"), inline("vec", "Vector[3]"),
            inline("meta", "Json"), inline("facts", "HyperG"),
            side("edges", "HyperG[target:Identifier[term],weight:Float,since:Date]"), inline("blob", "Artifact"));

    private MysqlFreshBackend fresh;

    @Override
    protected OpenedBackend open() {
        fresh = MysqlFreshBackend.open(this::createBackend);
        return fresh;
    }

    /** The backend under test, its tables under {@code prefix}. */
    protected SqlBackend createBackend(String prefix) {
        return MysqlFixtures.open(prefix);
    }

    @Override
    protected EntityLayout everything() {
        return everything;
    }

    @Override
    protected Map<String, Object> fullRow() {
        return row(everything, "full",
                "ident", "a-1", "short", "s".repeat(254) + "😀", "medium", "m".repeat(4095),
                "long", "x".repeat(65_535), "count", Long.MIN_VALUE, "ratio", -1.5e-300, "flag", true,
                "status", "published", "at", Instant.parse("1969-12-31T23:59:59.999Z"), "day", LocalDate.of(-44, 3, 15),
                "tags", List.of("b", "a", "b", ""), "numbers", List.of(Long.MAX_VALUE, -1L),
                "days", List.of(LocalDate.of(1582, 10, 10), LocalDate.of(99_999, 1, 1)), "flags", List.of(false, true),
                "stamps", List.of(Instant.EPOCH, Instant.parse("2024-02-29T12:00:00.123Z")),
                "notes", List.of("n".repeat(5000)), "vec", new float[] {1.5f, -2f, Float.MIN_VALUE},
                "meta", Map.of("z", List.of(1, 2.5, "three"), "a", Map.of("nested", true)),
                "facts", List.of(Map.of("slot", "s", "value", "v", "topic", "t")),
                "edges", List.of(Map.of("target", "t-1", "weight", 0.25, "since", "2020-01-01")),
                "blob", new byte[] {0, -1, 39, 92});
    }

    @Test
    void givenNamesLongerThanMysqlsSixtyFourCharacters_whenStored_thenTheyAreShortenedApartAndRoundTrip() {
        String entity = "e" + "-x".repeat(30);
        String field = "f".repeat(63);
        String otherField = "f".repeat(62) + "g";
        EntityLayout longNames = layout(entity, side(field, "Array"), side(otherField, "Array"),
                inline("body_" + "b".repeat(58), "LongText"));
        backend.ensure(longNames);

        backend.upsert(longNames, MysqlFixtures.rows(row(longNames, "x", field, List.of("one"), otherField, List.of("two"),
                "body_" + "b".repeat(58), "hello world")));

        assertThat(backend.fetch(longNames, List.of("x"), List.of(field, otherField)).get("x"))
                .containsEntry(field, List.of("one")).containsEntry(otherField, List.of("two"));
        assertThat(ids(longNames, Fragment.filter(new Expr.Leaf(otherField, Op.ARRAY_CONTAINS, "two"), null)))
                .containsExactly("x");
        // entity, two side tables, the word table and the BM25 postings, lengths and statistics of the LongText
        assertThat(MysqlTestServer.tables(fresh.prefix())).hasSize(7)
                .allSatisfy(table -> assertThat(table).hasSizeLessThanOrEqualTo(64));
    }
}
