package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.backend.sql.postgres.PostgresBackends.inline;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.layout;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.row;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.side;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.backend.sql.DialectTypesContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.conformance.Content;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every logical type is stored in its native PostgreSQL column type and reads back as exactly the
 * canonical value written, on both servers; text that would break string-built SQL is a plain value.
 */
class PostgresTypesTest {

    private static final List<String> HOSTILE = List.of("it's", "say \"hi\"", "back\\slash\\", "'; DROP TABLE item; --",
            "SELECT * FROM pg_class", "NULL", "%_%", "line\nbreak\ttab\r", "\uD83D\uDE00 grinning",
            "\uD801\uDC00 deseret", "\u200Frtl\u202E", "$1 ?::text $$dollar$$", "{\"a\",b}", "");

    private static final EntityLayout ITEM = layout("item", inline("title", "ShortText"), inline("ref", "Identifier"),
            inline("body", "LongText"), inline("color", "Categorical[red,green]"), inline("qty", "Integer"),
            inline("price", "Float"), inline("active", "Boolean"), inline("created", "Timestamp"),
            inline("day", "Date"), inline("meta", "Json"), inline("tags", "Array[ShortText]"),
            inline("sizes", "Array[Integer]"), inline("weights", "Array[Float]"), inline("flags", "Array[Boolean]"),
            inline("times", "Array[Timestamp]"), inline("days", "Array[Date]"), side("labels", "Array[ShortText]"),
            inline("links", "HyperG"), side("edges", "HyperG"), inline("embedding", "Vector[3]"),
            inline("blob", "Artifact"));

    private PostgresBackends opened;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    static Stream<Arguments> everyValue() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("z", 1);
        meta.put("a", List.of("x", 2.5, true));
        meta.put("nested", Map.of("k\"ey", "\uD83D\uDE00"));
        meta.put("nothing", null);
        List<Arguments> cases = new ArrayList<>();
        for (PostgresTestServers server : PostgresTestServers.values()) {
            cases.add(Arguments.of(server, "title", "\uD83D\uDE00 full text, with words"));
            cases.add(Arguments.of(server, "ref", "ref-1"));
            cases.add(Arguments.of(server, "body", "x".repeat(65_535)));
            cases.add(Arguments.of(server, "color", "green"));
            cases.add(Arguments.of(server, "qty", Long.MIN_VALUE));
            cases.add(Arguments.of(server, "qty", Long.MAX_VALUE));
            cases.add(Arguments.of(server, "price", -0.0));
            cases.add(Arguments.of(server, "price", Double.MIN_VALUE));
            cases.add(Arguments.of(server, "price", -Double.MAX_VALUE));
            cases.add(Arguments.of(server, "price", 0.1));
            cases.add(Arguments.of(server, "active", false));
            cases.add(Arguments.of(server, "created", Instant.parse("2024-02-29T23:59:59.999Z")));
            cases.add(Arguments.of(server, "created", Instant.parse("-0044-03-15T12:00:00.001Z")));
            cases.add(Arguments.of(server, "day", LocalDate.of(1, 1, 1)));
            cases.add(Arguments.of(server, "day", LocalDate.of(-500, 6, 30)));
            cases.add(Arguments.of(server, "day", LocalDate.of(9999, 12, 31)));
            cases.add(Arguments.of(server, "day", LocalDate.of(200_000, 1, 1)));
            cases.add(Arguments.of(server, "day", LocalDate.MAX));
            cases.add(Arguments.of(server, "day", LocalDate.MIN));
            cases.add(Arguments.of(server, "meta", meta));
            cases.add(Arguments.of(server, "meta", List.of()));
            cases.add(Arguments.of(server, "meta", "just a string"));
            cases.add(Arguments.of(server, "tags", List.of("b", "a", "b", "it's", "{x,y}", "\"q\"", "")));
            cases.add(Arguments.of(server, "tags", List.of()));
            cases.add(Arguments.of(server, "sizes", List.of(Long.MAX_VALUE, -1L, 0L)));
            cases.add(Arguments.of(server, "weights", List.of(-0.0, 1e-300, 2.5)));
            cases.add(Arguments.of(server, "flags", List.of(true, false)));
            cases.add(Arguments.of(server, "times", List.of(Instant.ofEpochMilli(Long.MAX_VALUE), Instant.EPOCH)));
            cases.add(Arguments.of(server, "days", List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(2024, 1, 1))));
            cases.add(Arguments.of(server, "labels", List.of("z", "a", "z")));
            cases.add(Arguments.of(server, "labels", List.of()));
            cases.add(Arguments.of(server, "links", List.of(Map.of("slot", "s", "value", "v", "topic", "t"))));
            cases.add(Arguments.of(server, "edges", List.of(Map.of("slot", "a", "value", "b"), Map.of("topic", "c"))));
            cases.add(Arguments.of(server, "embedding", new float[] {-0.0f, Float.MIN_VALUE, Float.MAX_VALUE}));
            cases.add(Arguments.of(server, "embedding", new float[] {0.1f, 1e-30f, -3.4028235e38f}));
            cases.add(Arguments.of(server, "blob", new byte[] {0, -1, 39, 92, 0}));
            cases.add(Arguments.of(server, "blob", new byte[0]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyValue")
    void givenValue_whenWrittenAndRead_thenExactlyTheCanonicalValue(PostgresTestServers server, String field,
            Object value) {
        EntityLayout layout = ensured(server);
        Map<String, Object> written = row(layout, "r1", field, value);

        opened.backend().upsert(layout, List.of(written));

        Object read = opened.backend().fetch(layout, List.of("r1"), List.of(field)).get("r1").get(field);
        assertThat(Content.of(read)).isEqualTo(Content.of(written.get(field)));
        if (read instanceof Map) {
            List<Object> writtenKeys = new ArrayList<>(((Map<?, ?>) written.get(field)).keySet());
            assertThat(new ArrayList<Object>(((Map<?, ?>) read).keySet())).containsExactlyElementsOf(writtenKeys);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenNullsAndEmptyLists_whenRead_thenNullStaysNullAndEmptyStaysEmpty(PostgresTestServers server) {
        EntityLayout layout = ensured(server);
        Map<String, Object> nulls = new LinkedHashMap<>(Map.of("object_id", "nulls"));
        for (String field : List.of("title", "qty", "meta", "tags", "labels", "edges", "embedding", "blob")) {
            nulls.put(field, null);
        }

        opened.backend().upsert(layout, List.of(nulls, row(layout, "empty", "tags", List.of(), "labels", List.of())));

        Map<String, Map<String, Object>> read = opened.backend().fetch(layout, List.of("nulls", "empty"),
                List.of("title", "qty", "meta", "tags", "labels", "edges", "embedding", "blob"));
        assertThat(read.get("nulls")).containsEntry("tags", null).containsEntry("labels", null)
                .containsEntry("meta", null).containsEntry("embedding", null).containsEntry("blob", null);
        assertThat(read.get("empty")).containsEntry("tags", List.of()).containsEntry("labels", List.of());
    }

    static Stream<Arguments> hostileTexts() {
        return Stream.of(PostgresTestServers.values())
                .flatMap(server -> HOSTILE.stream().map(text -> Arguments.of(server, text)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileTexts")
    void givenHostileText_whenStored_thenItRoundTripsAndIsFoundByEqualityAndArrayContains(PostgresTestServers server,
            String text) {
        EntityLayout layout = ensured(server);
        opened.backend().upsert(layout, List.of(row(layout, "hostile", "title", text, "tags", List.of(text),
                "labels", List.of(text)), row(layout, "other", "title", "other", "tags", List.of("other"))));

        assertThat(opened.backend().fetch(layout, List.of("hostile"), List.of("title", "tags", "labels")).get("hostile"))
                .containsEntry("title", text).containsEntry("tags", List.of(text)).containsEntry("labels", List.of(text));
        assertThat(ids(layout, new Expr.Leaf("title", Op.EQ, text))).containsExactly("hostile");
        assertThat(ids(layout, new Expr.Leaf("tags", Op.ARRAY_CONTAINS, text))).containsExactly("hostile");
        assertThat(ids(layout, new Expr.Leaf("labels", Op.ARRAY_CONTAINS, text))).containsExactly("hostile");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenHostileObjectIds_whenWrittenFetchedAndDeleted_thenEachIsOnePlainKey(PostgresTestServers server) {
        EntityLayout layout = ensured(server);
        List<String> weird = List.of("a'b", "c\"d", "e\\f", "\uD83D\uDE00", "x) OR 1=1 --", "{1,2}", "NULL");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : weird) {
            rows.add(row(layout, id, "title", id, "labels", List.of(id)));
        }

        opened.backend().upsert(layout, rows);
        opened.backend().delete(layout, List.of("NULL"));

        assertThat(opened.backend().ids(layout)).containsExactlyInAnyOrderElementsOf(weird.subList(0, 6));
        assertThat(opened.backend().execute(layout, Fragment.filter(null, Set.of("a'b", "{1,2}", "missing"))))
                .extracting(Hit::objectId).containsExactlyInAnyOrder("a'b", "{1,2}");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenEveryType_whenEnsured_thenColumnsHaveTheNativeTypes(PostgresTestServers server) throws SQLException {
        ensured(server);

        Map<String, String> types = columnTypes(server, "item");
        assertThat(types).containsEntry("object_id", "text").containsEntry("title", "text")
                .containsEntry("qty", "bigint").containsEntry("price", "double precision")
                .containsEntry("active", "boolean").containsEntry("created", "timestamp with time zone")
                .containsEntry("day", "date").containsEntry("meta", "json").containsEntry("tags", "ARRAY")
                .containsEntry("labels", "integer").containsEntry("blob", "bytea")
                .containsEntry("embedding", server == PostgresTestServers.PGVECTOR ? "USER-DEFINED" : "ARRAY");
        assertThat(collations(server, "item")).containsEntry("object_id", "C").containsEntry("title", "C")
                .containsEntry("color", "C");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenTimestampOutsidePostgresRange_whenUpsert_thenBackendExceptionAndNothingWritten(
            PostgresTestServers server) {
        EntityLayout layout = ensured(server);
        List<Map<String, Object>> rows = List.of(row(layout, "ok", "qty", 1),
                row(layout, "far", "created", Instant.parse("+300000-01-01T00:00:00Z")));

        assertThatThrownBy(() -> opened.backend().upsert(layout, rows)).isInstanceOf(BackendException.class)
                .hasMessageContaining("main").hasMessageContaining("item");
        assertThat(opened.backend().ids(layout)).isEmpty();
    }

    private EntityLayout ensured(PostgresTestServers server) {
        opened = PostgresBackends.open(server);
        opened.backend().ensure(ITEM);
        return ITEM;
    }

    private List<String> ids(EntityLayout layout, Expr filter) {
        return opened.backend().execute(layout, Fragment.filter(filter, null)).stream().map(Hit::objectId).toList();
    }

    private Map<String, String> columnTypes(PostgresTestServers server, String table) throws SQLException {
        return catalog(server, "SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ?", table);
    }

    private Map<String, String> collations(PostgresTestServers server, String table) throws SQLException {
        return catalog(server, "SELECT column_name, collation_name FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? AND collation_name IS NOT NULL", table);
    }

    private Map<String, String> catalog(PostgresTestServers server, String sql, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection connection = server.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, opened.schema());
            statement.setString(2, table);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    out.put(result.getString(1), result.getString(2));
                }
            }
        }
        return out;
    }

    /** The {@link DialectTypesContract} cases on plain postgres. */
    @Nested
    class OnPostgres extends DialectTypesContract {

        @Override
        protected OpenedBackend open() {
            return PostgresBackends.open(PostgresTestServers.POSTGRES);
        }
    }

    /** The {@link DialectTypesContract} cases on pgvector. */
    @Nested
    class OnPgvector extends DialectTypesContract {

        @Override
        protected OpenedBackend open() {
            return PostgresBackends.open(PostgresTestServers.PGVECTOR);
        }
    }
}
