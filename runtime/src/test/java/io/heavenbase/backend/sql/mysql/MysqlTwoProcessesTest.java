package io.heavenbase.backend.sql.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (two JVMs) share one workspace on MariaDB: they register the same
 * entities at the same moment and rewrite the same rows at once, both succeed, each sees the rows
 * the other committed, and every shared row ends whole (its side and word rows from one writer).
 */
class MysqlTwoProcessesTest {

    private static final int ROWS = 40;

    private final String prefix = MysqlTestServer.freshPrefix();
    private final String workspaceId = "two-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    static EntitySchema article() {
        return EntitySchema.builder("article").field("title", "ShortText").field("body", "LongText")
                .field("tags", "Array").field("views", "Integer").build();
    }

    static EntitySchema author() {
        return EntitySchema.builder("author").field("name", "ShortText").field("bio", "MediumText").build();
    }

    @AfterEach
    void dropTables() {
        MysqlTestServer.dropTables(prefix);
    }

    @Test
    void givenTwoProcessesRegisteringAtOnce_whenEachWrites_thenBothSucceedAndSeeEachOthersRows() throws Exception {
        String url = MysqlTestServer.url();
        long started;
        try (MysqlChildJvm first = MysqlChildJvm.start(url, prefix, workspaceId, "first", "second", "" + ROWS);
                MysqlChildJvm second = MysqlChildJvm.start(url, prefix, workspaceId, "second", "first", "" + ROWS)) {
            first.await("ready");
            second.await("ready");
            started = System.nanoTime();
            first.send("go");
            second.send("go");

            first.await("saw-other");
            second.await("saw-other");
            assertThat(first.waitFor(60)).isZero();
            assertThat(second.waitFor(60)).isZero();
        }
        System.err.printf("two processes registered, wrote %d rows each and saw each other's in %d ms%n", ROWS,
                (System.nanoTime() - started) / 1_000_000);

        try (Workspace observer = HeavenBase.open(workspaceId,
                Map.of("main", MysqlTestServer.urlConfig("mysql", prefix)))) {
            EntitySchema article = observer.register(article());
            assertThat(observer.count(article)).isEqualTo(2L * ROWS + MysqlApplicationProcess.SHARED);
            assertThat(observer.query(article).where(Filter.arrayContains("tags", "shared")).count())
                    .isEqualTo(2L * ROWS);
            assertThat(observer.query(article).where(Filter.arrayContains("tags", "round4")).count())
                    .isEqualTo(MysqlApplicationProcess.SHARED);
            assertThat(observer.query(article).where(Filter.match("body", "last written")).count())
                    .isEqualTo(MysqlApplicationProcess.SHARED);
            assertThat(observer.query(article).where(Filter.arrayContains("tags", "round4"))
                    .select("title", "body", "tags").execute().rows()).allSatisfy(row -> {
                        assertThat(row.get("tags")).isEqualTo(List.of(row.get("title"), "round4"));
                        assertThat(row.get("body")).isEqualTo("last written by " + row.get("title"));
                    });
            observer.drop();
        }
    }
}
