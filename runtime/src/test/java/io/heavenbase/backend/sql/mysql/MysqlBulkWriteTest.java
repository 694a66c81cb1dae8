package io.heavenbase.backend.sql.mysql;

import static io.heavenbase.backend.sql.mysql.MysqlFixtures.indexed;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.inline;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.layout;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.row;
import static io.heavenbase.backend.sql.mysql.MysqlFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Many rows go to MySQL/MariaDB in multi-row {@code INSERT ... ON DUPLICATE KEY UPDATE} statements:
 * chunks split by row count and by size (rows of 60,000-character texts add up to far more than
 * MariaDB's 16 MiB packet), ids already stored are updated, side tables and full-text words follow.
 */
class MysqlBulkWriteTest extends MysqlBackendTestBase {

    private static final int ROWS = 1_234;

    private final EntityLayout item = layout("item", indexed("title", "ShortText"), inline("body", "LongText"),
            inline("qty", "Integer"), inline("price", "Float"), side("labels", "Array[ShortText]"));

    @Test
    void givenHalfTheIdsStored_whenManyRowsAreUpserted_thenEveryRowHasItsLatestValues() {
        backend.ensure(item);
        backend.upsert(item, rows(0, ROWS, 0));

        List<Map<String, Object>> second = rows(ROWS / 2, ROWS + ROWS / 2, 1);
        backend.upsert(item, second);

        assertThat(backend.count(item)).isEqualTo(ROWS + ROWS / 2);
        Map<String, Map<String, Object>> read = backend.fetch(item,
                second.stream().map(row -> (String) row.get("object_id")).toList(),
                List.of("title", "body", "qty", "price", "labels"));
        for (Map<String, Object> row : second) {
            assertThat(read.get(row.get("object_id"))).as((String) row.get("object_id")).isEqualTo(row);
        }
        assertThat(ids(item, Fragment.filter(new Expr.Leaf("title", Op.MATCH, "round0 w" + (ROWS - 1)), null)))
                .isEmpty();
        assertThat(ids(item, Fragment.filter(new Expr.Leaf("title", Op.MATCH, "round1 w" + (ROWS - 1)), null)))
                .containsExactly(id(ROWS - 1));
        assertThat(ids(item, Fragment.filter(new Expr.Leaf("labels", Op.ARRAY_CONTAINS, "l0-3"), null)))
                .containsExactly(id(3));
        assertThat(ids(item, Fragment.filter(new Expr.Leaf("labels", Op.ARRAY_CONTAINS, "l0-" + (ROWS - 2)), null)))
                .isEmpty();
    }

    @Test
    void givenRowsLargerTogetherThanAPacket_whenUpsertedInOneCall_thenAllAreStored() {
        backend.ensure(item);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(row(item, id(i), "body", ("\u00e9" + i).repeat(60_000).substring(0, 60_000), "qty", i));
        }

        backend.upsert(item, rows);

        assertThat(backend.count(item)).isEqualTo(400);
        assertThat(backend.fetch(item, List.of(id(399)), List.of("body")).get(id(399)).get("body"))
                .isEqualTo(rows.get(399).get("body"));
    }

    private static List<Map<String, Object>> rows(int from, int to, int round) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(row(new MysqlBulkWriteTest().item, id(i), "title", "round" + round + " w" + i + " tab\there\\",
                    "body", i % 3 == 0 ? null : "body " + i, "qty", (long) i * (round + 1), "price", -0.5 * i,
                    "labels", List.of("l" + round + "-" + i, "both")));
        }
        return rows;
    }

    private static String id(int i) {
        return String.format("id-%05d", i);
    }
}
