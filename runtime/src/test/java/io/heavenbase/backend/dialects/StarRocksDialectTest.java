package io.heavenbase.backend.dialects;

import static io.heavenbase.backend.dialects.DialectFixtures.HOSTILE;
import static io.heavenbase.backend.dialects.DialectFixtures.leaf;
import static io.heavenbase.backend.dialects.DialectFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.dialects.RecordingConnection.Sent;
import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.mysql.StarRocksDialect;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.spi.Fragment;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden SQL of the starrocks dialect (hand-written expectations; no StarRocks cluster runs here). */
class StarRocksDialectTest extends GoldenSqlContract<StarRocksDialect> {

    StarRocksDialectTest() {
        super(new StarRocksDialect(), null, "db");
    }

    /** Only the CREATE statements: the dialect asks the catalog in between. */
    @Override
    protected List<String> tableStatements(List<String> sent) {
        return sent.stream().filter(sql -> sql.startsWith("CREATE")).toList();
    }

    /** A primary key table distributed by its key. */
    @Override
    protected String entityTable() {
        return "CREATE TABLE IF NOT EXISTS `db`.`item` (`object_id` VARCHAR(252) NOT "
                + "NULL, `ref` VARCHAR(252), `title` VARCHAR(1020), `summary` VARCHAR(16380), `body` VARCHAR(262140), "
                + "`kind` VARCHAR(1020), `qty` BIGINT, `price` DOUBLE, `active` BOOLEAN, `created` BIGINT, `day` "
                + "VARCHAR(16), `meta` VARCHAR(1048576), `sizes` VARCHAR(1048576), `tags` INT, `links` INT, `embedding` "
                + "VARBINARY, `file` VARBINARY) PRIMARY KEY (`object_id`) DISTRIBUTED BY HASH (`object_id`)";
    }

    /** Side tables are distributed by their owner. */
    @Override
    protected List<String> afterEntityTable() {
        return List.of("CREATE TABLE IF NOT EXISTS `db`.`item__tags` (`owner_id` VARCHAR(252) NOT NULL, `pos` INT NOT "
                        + "NULL, `value` VARCHAR(1020)) PRIMARY KEY (`owner_id`, `pos`) DISTRIBUTED BY HASH (`owner_id`)",
                "CREATE TABLE IF NOT EXISTS `db`.`item__links` (`owner_id` VARCHAR(252) NOT NULL, `pos` INT NOT NULL, "
                        + "`slot` VARCHAR(1020), `value` VARCHAR(1020), `topic` VARCHAR(1020)) PRIMARY KEY (`owner_id`, "
                        + "`pos`) DISTRIBUTED BY HASH (`owner_id`)");
    }

    /** The table of the configured database is asked. */
    @Override
    protected String columnLookup() {
        return "SELECT * FROM `db`.`item` WHERE 1 = 0";
    }

    @Override
    protected String addTitleColumn() {
        return "ALTER TABLE `db`.`item` ADD COLUMN `title` VARCHAR(1020)";
    }

    @Override
    protected Map<String, Object> upsertedRow() {
        return row(item, "a1", "title", HOSTILE, "qty", 5, "active", true, "tags", List.of("x"));
    }

    /** A plain INSERT replaces the row of the primary key table. */
    @Override
    protected List<Sent> upsertSent() {
        return List.of(new Sent("SELECT `object_id` FROM `db`.`item` WHERE `object_id` IN (?)", List.of("a1")),
                new Sent("INSERT INTO `db`.`item` (`object_id`, `title`, `qty`, `active`, `tags`) VALUES "
                        + "(?, ?, ?, ?, ?)", List.of("a1", HOSTILE, 5L, 1L, 1L)),
                new Sent("INSERT INTO `db`.`item__tags` (`owner_id`, `pos`, `value`) VALUES (?, ?, ?)",
                        List.of("a1", 0L, "x")));
    }

    @Override
    protected String upsertWithoutFields() {
        return null;
    }

    @Override
    protected List<String> fetchedFields() {
        return List.of("title");
    }

    @Override
    protected Sent fetchSent() {
        return new Sent("SELECT `object_id`, `title` FROM `db`.`item` WHERE `object_id` IN (?, ?)", List.of("a1", "b2"));
    }

    @Override
    protected List<Sent> deleteSent() {
        return List.of(new Sent("DELETE FROM `db`.`item__tags` WHERE `owner_id` IN (?)", List.of("a1")),
                new Sent("DELETE FROM `db`.`item` WHERE `object_id` IN (?)", List.of("a1")));
    }

    @Override
    protected Expr negated() {
        return new Expr.Not(new Expr.Or(List.of(leaf("title", Op.EQ, "a"), leaf("tags", Op.ARRAY_CONTAINS, "x"))));
    }

    @Override
    protected String negatedSql() {
        return "(NOT ((t.`title` IS NOT NULL AND t.`title` = ?) OR EXISTS (SELECT 1 FROM `item__tags` s WHERE "
                + "s.`owner_id` = t.`object_id` AND s.`value` = ?)))";
    }

    @Override
    protected List<Object> negatedValues() {
        return List.of("a", "x");
    }

    @Override
    protected String sideArrayContains() {
        return "EXISTS (SELECT 1 FROM `item__tags` s WHERE s.`owner_id` = t.`object_id` AND s.`value` = ?)";
    }

    @Override
    protected Fragment pagedFragment() {
        return new Fragment(leaf("active", Op.EQ, true), null, null, List.of(new SortKey("title", true)), 4, 2,
                Set.of("qty"));
    }

    /** LIMIT comes before OFFSET. */
    @Override
    protected Sent pagedSent() {
        return new Sent("SELECT t.`object_id`, t.`qty` FROM `db`.`item` t WHERE (t.`active` IS NOT NULL AND t.`active` "
                + "= ?) ORDER BY CASE WHEN t.`title` IS NULL THEN 1 ELSE 0 END DESC, t.`title` DESC, t.`object_id` "
                + "LIMIT ? OFFSET ?", List.of(1L, 2L, 4L));
    }

    @Override
    protected List<String> identifierAndQuoted() {
        return List.of("a`b", "`a``b`");
    }

    /** Both StarRocks's own message and MySQL's duplicate column error mean the column is already there. */
    @Override
    protected Map<Boolean, List<SQLException>> addColumnErrors() {
        return Map.of(true, List.of(new SQLException("Getting analyzing error. Detail message: Can not add column "
                                + "which already exists in base table: title.", "HY000", 1064),
                        new SQLException("Duplicate column name 'title'", "42S21", 1060)),
                false, List.of(new SQLException("Unknown table 'item'", "42S02", 1051)));
    }

    @Test
    void givenEveryComparison_whenCompiled_thenEachIsNeverNull() {
        assertThat(filter(leaf("title", Op.LT, "m")).sql()).isEqualTo("(t.`title` IS NOT NULL AND t.`title` < ?)");
        assertThat(filter(leaf("qty", Op.GTE, 1)).sql()).isEqualTo("(t.`qty` IS NOT NULL AND t.`qty` >= ?)");
        assertThat(filter(leaf("title", Op.NE, "a")).sql()).isEqualTo("(t.`title` IS NULL OR t.`title` <> ?)");
        assertThat(filter(leaf("title", Op.NIN, List.of("a", "b"))).sql())
                .isEqualTo("(t.`title` IS NULL OR t.`title` NOT IN (?, ?))");
        assertThat(filter(leaf("qty", Op.IN, List.of())).sql()).isEqualTo("1=0");
        assertThat(filter(leaf("active", Op.NULL, false)).sql()).isEqualTo("t.`active` IS NOT NULL");
    }

    @Test
    void givenOnlyAnOffset_whenPaged_thenTheLimitIsTheLargestBigint() {
        BoundSql page = dialect.limitOffset(null, 4);

        assertThat(page.sql()).isEqualTo(" LIMIT ? OFFSET ?");
        assertThat(page.values()).containsExactly(Long.MAX_VALUE, 4L);
        assertThat(dialect.limitOffset(3, 0).sql()).isEqualTo(" LIMIT ?");
        assertThat(dialect.limitOffset(null, 0).sql()).isEmpty();
    }
}
