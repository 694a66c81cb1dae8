package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.backend.sql.postgres.PostgresBackends.inline;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.layout;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.row;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.conformance.Content;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes of many rows (PostgreSQL: COPY into a staging table; PGlite: multi-row INSERTs) store
 * exactly what the same rows written one at a time store: every awkward value of
 * {@link PostgresTypesTest} (text with tabs, newlines and backslashes, -0.0, extreme dates and
 * timestamps, arrays with quotes and braces, JSON, vectors, bytes), side tables and full-text
 * words, also when half the ids already exist and their values change.
 */
class PostgresBulkWriteTest {

    /** Well above the COPY threshold (64 rows) and not a multiple of the 500-row statements. */
    private static final int ROWS = 1_234;

    private static final String[] FIELDS = {"title", "ref", "body", "color", "qty", "price", "active", "created", "day",
        "meta", "tags", "sizes", "weights", "flags", "times", "days", "labels", "links", "edges", "embedding", "blob"};

    private PostgresBackends opened;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenAwkwardValuesInManyRows_whenUpsertedInOneCall_thenEachReadsBackAsWhenWrittenAlone(
            PostgresTestServers server) {
        opened = PostgresBackends.open(server);
        EntityLayout bulk = entity("bulk");
        EntityLayout single = entity("single");
        opened.backend().ensure(bulk);
        opened.backend().ensure(single);
        List<Map<String, Object>> rows = rows(bulk, 0, ROWS, 0);

        opened.backend().upsert(bulk, rows);
        for (Map<String, Object> row : rows.subList(0, 150)) {
            opened.backend().upsert(single, List.of(row));
        }

        Map<String, Map<String, Object>> read = fetchAll(bulk, rows);
        Map<String, Map<String, Object>> readAlone = fetchAll(single, rows.subList(0, 150));
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("object_id");
            for (String field : FIELDS) {
                assertThat(Content.of(read.get(id).get(field))).as("%s.%s", id, field)
                        .isEqualTo(Content.of(row.get(field)));
                if (readAlone.containsKey(id)) {
                    assertThat(Content.of(read.get(id).get(field))).as("%s.%s alone", id, field)
                            .isEqualTo(Content.of(readAlone.get(id).get(field)));
                }
            }
        }
        assertThat(opened.backend().count(bulk)).isEqualTo(ROWS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenHalfTheIdsStored_whenUpsertedAgainWithNewValues_thenEveryRowHasItsLatestValuesAndWords(
            PostgresTestServers server) {
        opened = PostgresBackends.open(server);
        EntityLayout item = entity("item");
        opened.backend().ensure(item);
        opened.backend().upsert(item, rows(item, 0, ROWS, 0));

        List<Map<String, Object>> second = rows(item, ROWS / 2, ROWS + ROWS / 2, 1);
        opened.backend().upsert(item, second);

        assertThat(opened.backend().count(item)).isEqualTo(ROWS + ROWS / 2);
        Map<String, Map<String, Object>> read = fetchAll(item, second);
        for (Map<String, Object> row : second) {
            for (String field : FIELDS) {
                assertThat(Content.of(read.get(row.get("object_id")).get(field))).as("%s.%s", row.get("object_id"),
                        field).isEqualTo(Content.of(row.get(field)));
            }
        }
        // the replaced rows lost their old words and labels, the untouched ones kept theirs
        assertThat(ids(item, new Expr.Leaf("body", Op.MATCH, "round0 w" + (ROWS - 1)))).isEmpty();
        assertThat(ids(item, new Expr.Leaf("body", Op.MATCH, "round1 w" + (ROWS - 1)))).containsExactly(id(ROWS - 1));
        assertThat(ids(item, new Expr.Leaf("body", Op.MATCH, "round0 w3"))).containsExactly(id(3));
        assertThat(ids(item, new Expr.Leaf("labels", Op.ARRAY_CONTAINS, "l0-" + (ROWS - 2)))).isEmpty();
        assertThat(ids(item, new Expr.Leaf("labels", Op.ARRAY_CONTAINS, "l1-" + (ROWS - 2))))
                .containsExactly(id(ROWS - 2));
        assertThat(ids(item, new Expr.Leaf("labels", Op.ARRAY_CONTAINS, "l0-4"))).containsExactly(id(4));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenWordsLeftWithoutTheirRow_whenManyRowsAreWritten_thenTheWriteSucceedsAndTheStaleWordsAreGone(
            PostgresTestServers server) throws java.sql.SQLException {
        opened = PostgresBackends.open(server);
        EntityLayout item = layout("item", inline("title", "LongText"));
        opened.backend().ensure(item);
        try (java.sql.Connection connection = server.connect();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"" + opened.schema() + "\".\"item$words\" VALUES ('" + id(7)
                    + "', 'title', ARRAY['stale'])");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row(item, id(i), "title", "fresh w" + i));
        }

        opened.backend().upsert(item, rows);

        assertThat(ids(item, new Expr.Leaf("title", Op.MATCH, "stale"))).isEmpty();
        assertThat(ids(item, new Expr.Leaf("title", Op.MATCH, "fresh w7"))).containsExactly(id(7));
    }

    private static EntityLayout entity(String name) {
        return layout(name, inline("title", "ShortText"), inline("ref", "Identifier"), inline("body", "LongText"),
                inline("color", "Categorical[red,green]"), inline("qty", "Integer"), inline("price", "Float"),
                inline("active", "Boolean"), inline("created", "Timestamp"), inline("day", "Date"),
                inline("meta", "Json"), inline("tags", "Array[ShortText]"), inline("sizes", "Array[Integer]"),
                inline("weights", "Array[Float]"), inline("flags", "Array[Boolean]"),
                inline("times", "Array[Timestamp]"), inline("days", "Array[Date]"), side("labels", "Array[ShortText]"),
                inline("links", "HyperG"), side("edges", "HyperG"), inline("embedding", "Vector[3]"),
                inline("blob", "Artifact"));
    }

    /**
     * Rows {@code from} to {@code to} (exclusive): each awkward value of a field from
     * {@link PostgresTypesTest#everyValue()} in turn (nulls in between), plus a body and labels that
     * name the row and the round.
     */
    private static List<Map<String, Object>> rows(EntityLayout layout, int from, int to, int round) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        PostgresTypesTest.everyValue().map(arguments -> arguments.get())
                .filter(arguments -> arguments[0] == PostgresTestServers.POSTGRES)
                .forEach(arguments -> values.computeIfAbsent((String) arguments[1], f -> new ArrayList<>())
                        .add(arguments[2]));
        values.get("title").add("tab\there, line\nbreak, back\\slash\\, \\N, \\.");
        values.get("tags").add(List.of("\\N", "a\tb", "c\nd", "NULL", "{", "}", ","));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            List<Object> raw = new ArrayList<>();
            for (String field : FIELDS) {
                List<Object> choices = values.get(field);
                int pick = (i + round) % (choices.size() + 1);
                raw.add(field);
                raw.add(pick == choices.size() ? null : choices.get(pick));
            }
            int body = raw.indexOf("body");
            String text = (String) raw.get(body + 1);
            raw.set(body + 1, "round" + round + " w" + i + " " + (text == null ? "" : text.substring(0, text.length() - 20)));
            int labels = raw.indexOf("labels");
            raw.set(labels + 1, List.of("l" + round + "-" + i, "both"));
            rows.add(row(layout, id(i), raw.toArray()));
        }
        return rows;
    }

    private Map<String, Map<String, Object>> fetchAll(EntityLayout layout, List<Map<String, Object>> rows) {
        List<String> ids = rows.stream().map(row -> (String) row.get("object_id")).collect(Collectors.toList());
        return opened.backend().fetch(layout, ids, List.of(FIELDS));
    }

    private List<String> ids(EntityLayout layout, Expr filter) {
        return opened.backend().execute(layout, Fragment.filter(filter, null)).stream().map(Hit::objectId)
                .collect(Collectors.toList());
    }

    private static String id(int i) {
        return String.format("id-%05d", i);
    }
}
