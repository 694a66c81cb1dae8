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
import io.heavenbase.backend.sql.mysql.StarRocksDialect;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden SQL of the starrocks dialect (hand-written expectations; no StarRocks cluster runs here). */
class StarRocksDialectTest {

    private final StarRocksDialect dialect = new StarRocksDialect();
    private final RecordingConnection db = new RecordingConnection(null);
    private final EntityLayout item = small();

    private SqlBackend backend() {
        return DialectFixtures.backend(dialect, db, "db");
    }

    private BoundSql filter(Expr expr) {
        return where(dialect, item, expr);
    }

    private List<String> tableDdl() {
        return db.sql().stream().filter(sql -> sql.startsWith("CREATE")).toList();
    }

    @Test
    void givenEveryType_whenEnsured_thenTheEntityTableIsAPrimaryKeyTableDistributedByItsKey() {
        backend().ensure(everyType());

        assertThat(tableDdl().get(0)).isEqualTo("CREATE TABLE IF NOT EXISTS `db`.`item` (`object_id` VARCHAR(252) NOT "
                + "NULL, `ref` VARCHAR(252), `title` VARCHAR(1020), `summary` VARCHAR(16380), `body` VARCHAR(262140), "
                + "`kind` VARCHAR(1020), `qty` BIGINT, `price` DOUBLE, `active` BOOLEAN, `created` BIGINT, `day` "
                + "VARCHAR(16), `meta` VARCHAR(1048576), `sizes` VARCHAR(1048576), `tags` INT, `links` INT, `embedding` "
                + "VARBINARY, `file` VARBINARY) PRIMARY KEY (`object_id`) DISTRIBUTED BY HASH (`object_id`)");
    }

    @Test
    void givenSideTableFields_whenEnsured_thenTheyAreKeyedByOwnerAndPositionAndDistributedByOwner() {
        backend().ensure(everyType());

        assertThat(tableDdl()).containsExactly(tableDdl().get(0),
                "CREATE TABLE IF NOT EXISTS `db`.`item__tags` (`owner_id` VARCHAR(252) NOT NULL, `pos` INT NOT NULL, "
                        + "`value` VARCHAR(1020)) PRIMARY KEY (`owner_id`, `pos`) DISTRIBUTED BY HASH (`owner_id`)",
                "CREATE TABLE IF NOT EXISTS `db`.`item__links` (`owner_id` VARCHAR(252) NOT NULL, `pos` INT NOT NULL, "
                        + "`slot` VARCHAR(1020), `value` VARCHAR(1020), `topic` VARCHAR(1020)) PRIMARY KEY (`owner_id`, "
                        + "`pos`) DISTRIBUTED BY HASH (`owner_id`)");
    }

    @Test
    void givenAnEnsure_whenColumnsAreLookedUp_thenTheTableOfTheConfiguredDatabaseIsAsked() {
        backend().ensure(item);

        assertThat(db.sent().get(1)).isEqualTo(new Sent("SELECT * FROM `db`.`item` WHERE 1 = 0", List.of()));
        assertThat(db.sql().get(2)).isEqualTo("ALTER TABLE `db`.`item` ADD COLUMN `title` VARCHAR(1020)");
    }

    @Test
    void givenRows_whenUpserted_thenAPlainInsertReplacesTheRowOfThePrimaryKeyTable() {
        backend().upsert(item, List.of(row(item, "a1", "title", HOSTILE, "qty", 5, "active", true, "tags",
                List.of("x"))));

        assertThat(db.sent()).containsExactly(
                new Sent("SELECT `object_id` FROM `db`.`item` WHERE `object_id` IN (?)", List.of("a1")),
                new Sent("INSERT INTO `db`.`item` (`object_id`, `title`, `qty`, `active`, `tags`) VALUES "
                        + "(?, ?, ?, ?, ?)", List.of("a1", HOSTILE, 5L, 1L, 1L)),
                new Sent("INSERT INTO `db`.`item__tags` (`owner_id`, `pos`, `value`) VALUES (?, ?, ?)",
                        List.of("a1", 0L, "x")));
    }

    @Test
    void givenIds_whenFetchedAndDeleted_thenTheyAreBoundInInLists() {
        backend().fetch(item, List.of("a1", "b2"), List.of("title"));
        backend().delete(item, List.of("b2"));

        assertThat(db.sent()).containsExactly(
                new Sent("SELECT `object_id`, `title` FROM `db`.`item` WHERE `object_id` IN (?, ?)", List.of("a1", "b2")),
                new Sent("DELETE FROM `db`.`item__tags` WHERE `owner_id` IN (?)", List.of("b2")),
                new Sent("DELETE FROM `db`.`item` WHERE `object_id` IN (?)", List.of("b2")));
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
    void givenNotOverOr_whenCompiled_thenItWrapsTheNeverNullConditions() {
        BoundSql sql = filter(new Expr.Not(new Expr.Or(List.of(leaf("title", Op.EQ, "a"),
                leaf("tags", Op.ARRAY_CONTAINS, "x")))));

        assertThat(sql.sql()).isEqualTo("(NOT ((t.`title` IS NOT NULL AND t.`title` = ?) OR EXISTS (SELECT 1 FROM "
                + "`item__tags` s WHERE s.`owner_id` = t.`object_id` AND s.`value` = ?)))");
        assertThat(sql.values()).containsExactly("a", "x");
    }

    @Test
    void givenMatch_whenCompiled_thenItIsRejected() {
        assertThatThrownBy(() -> filter(leaf("title", Op.MATCH, "hello")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("match");
    }

    @Test
    void givenOrderAndPage_whenQueried_thenLimitComesBeforeOffset() {
        Fragment fragment = new Fragment(leaf("active", Op.EQ, true), null, null, List.of(new SortKey("title", true)),
                4, 2, Set.of("qty"));

        backend().execute(item, fragment);

        assertThat(db.sent()).containsExactly(new Sent("SELECT t.`object_id`, t.`qty` FROM `db`.`item` t WHERE "
                + "(t.`active` IS NOT NULL AND t.`active` = ?) ORDER BY CASE WHEN t.`title` IS NULL THEN 1 ELSE 0 END "
                + "DESC, t.`title` DESC, t.`object_id` LIMIT ? OFFSET ?", List.of(1L, 2L, 4L)));
    }

    @Test
    void givenOnlyAnOffset_whenPaged_thenTheLimitIsTheLargestBigint() {
        BoundSql page = dialect.limitOffset(null, 4);

        assertThat(page.sql()).isEqualTo(" LIMIT ? OFFSET ?");
        assertThat(page.values()).containsExactly(Long.MAX_VALUE, 4L);
        assertThat(dialect.limitOffset(3, 0).sql()).isEqualTo(" LIMIT ?");
        assertThat(dialect.limitOffset(null, 0).sql()).isEmpty();
    }

    @Test
    void givenAnIdentifierWithABacktick_whenQuoted_thenTheBacktickIsDoubled() {
        assertThat(dialect.quote("a`b")).isEqualTo("`a``b`");
    }

    @Test
    void givenAHostileValue_whenFiltered_thenItIsOnlyEverAParameter() {
        BoundSql sql = filter(leaf("title", Op.GT, HOSTILE));

        assertThat(sql.sql()).doesNotContain("DROP");
        assertThat(sql.values()).containsExactly(HOSTILE);
    }

    @Test
    void givenAnAddColumnThatLostARace_whenClassified_thenADuplicateColumnCountsAsAlreadyThere() {
        assertThat(dialect.isAlreadyExists(new SQLException("Getting analyzing error. Detail message: Can not add "
                + "column which already exists in base table: title.", "HY000", 1064))).isTrue();
        assertThat(dialect.isAlreadyExists(new SQLException("Duplicate column name 'title'", "42S21", 1060)))
                .isTrue();
        assertThat(dialect.isAlreadyExists(new SQLException("Unknown table 'item'", "42S02", 1051))).isFalse();
    }
}
