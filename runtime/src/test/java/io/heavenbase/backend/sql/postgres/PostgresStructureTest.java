package io.heavenbase.backend.sql.postgres;

import static io.heavenbase.backend.sql.postgres.PostgresBackends.inline;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.layout;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.row;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.side;
import static io.heavenbase.backend.sql.postgres.PostgresBackends.vectorIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.HeavenBase;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.spi.EntityLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables, words tables, side tables and vector indexes of an entity: created in the configured
 * schema, idempotently and only ever added to, dropped whole; names outside the identifier rule never
 * reach SQL.
 */
class PostgresStructureTest {

    private static final EntityLayout NOTES = layout("notes", inline("title", "ShortText"),
            side("labels", "Array[ShortText]"), inline("body", "LongText"));

    private PostgresBackends opened;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenMissingSchema_whenEnsured_thenTheSchemaAndEveryTableAreCreatedInIt(PostgresTestServers server)
            throws SQLException {
        opened = PostgresBackends.open(server);

        opened.backend().ensure(NOTES);

        assertThat(tables(server, opened.schema())).containsExactlyInAnyOrder("notes", "notes__labels", "notes$words",
                "notes$bm25$body", "notes$bm25n$body", "notes$bm25s$body");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenStoredRows_whenEnsuredAgainWithAnAddedField_thenTheColumnIsAddedAndRowsKept(PostgresTestServers server) {
        opened = PostgresBackends.open(server);
        opened.backend().ensure(NOTES);
        opened.backend().upsert(NOTES, List.of(row(NOTES, "n1", "title", "kept", "labels", List.of("a"))));
        EntityLayout grown = layout("notes", inline("title", "ShortText"), side("labels", "Array[ShortText]"),
                inline("body", "LongText"), inline("stars", "Integer"));

        opened.backend().ensure(NOTES);
        opened.backend().ensure(grown);
        opened.backend().upsert(grown, List.of(row(grown, "n2", "stars", 5)));

        Map<String, Map<String, Object>> read = opened.backend().fetch(grown, List.of("n1", "n2"),
                List.of("title", "labels", "stars"));
        assertThat(read.get("n1")).containsEntry("title", "kept").containsEntry("labels", List.of("a"))
                .containsEntry("stars", null);
        assertThat(read.get("n2")).containsEntry("stars", 5L);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenEnsuredEntity_whenDropped_thenNoTableOfItRemains(PostgresTestServers server) throws SQLException {
        opened = PostgresBackends.open(server);
        EntityLayout layout = server == PostgresTestServers.PGVECTOR
                ? layout("notes", inline("title", "ShortText"), side("labels", "Array[ShortText]"), vectorIndex("v", 2))
                : NOTES;
        opened.backend().ensure(layout);
        opened.backend().ensure(layout("other", inline("title", "LongText")));

        opened.backend().drop(layout);

        assertThat(tables(server, opened.schema())).containsExactlyInAnyOrder("other", "other$words",
                "other$bm25$title", "other$bm25n$title", "other$bm25s$title");
    }

    @Test
    void givenPgvectorEntity_whenEnsured_thenTheVectorIndexFieldHasAnHnswIndexAndAnInlineVectorNone()
            throws SQLException {
        opened = PostgresBackends.open(PostgresTestServers.PGVECTOR);

        opened.backend().ensure(layout("docs", vectorIndex("v", 3), inline("plain", "Vector[3]")));

        assertThat(indexDefinitions(PostgresTestServers.PGVECTOR, opened.schema())).anySatisfy(definition ->
                assertThat(definition).contains("USING hnsw").contains("(v vector_cosine_ops)"))
                .noneSatisfy(definition -> assertThat(definition).contains("plain"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivfflat", "none"})
    void givenIndexSetting_whenEnsured_thenThatIndexOrNone(String index) throws SQLException {
        opened = PostgresBackends.open(PostgresTestServers.PGVECTOR, "index", index);

        opened.backend().ensure(layout("docs", vectorIndex("v", 3)));

        List<String> definitions = indexDefinitions(PostgresTestServers.PGVECTOR, opened.schema());
        if (index.equals("none")) {
            assertThat(definitions).noneSatisfy(definition -> assertThat(definition).contains("vector"));
        } else {
            assertThat(definitions).anySatisfy(definition ->
                    assertThat(definition).contains("USING ivfflat").contains("vector_cosine_ops"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PostgresTestServers.class)
    void givenNamesLongerThanPostgresKeeps_whenTwoEntitiesShareTheFirst63Bytes_thenTheirTablesStayApart(
            PostgresTestServers server) {
        opened = PostgresBackends.open(server, "prefix", "a_rather_long_prefix_");
        String stem = "e".repeat(50);
        EntityLayout first = layout(stem + "-first", inline("title", "ShortText"));
        EntityLayout second = layout(stem + "-second", inline("title", "ShortText"));
        opened.backend().ensure(first);
        opened.backend().ensure(second);

        opened.backend().upsert(first, List.of(row(first, "x", "title", "first")));
        opened.backend().upsert(second, List.of(row(second, "x", "title", "second")));

        assertThat(opened.backend().tables(first).entity()).hasSizeLessThanOrEqualTo(63)
                .isNotEqualTo(opened.backend().tables(second).entity());
        assertThat(opened.backend().fetch(first, List.of("x"), List.of("title")).get("x")).containsEntry("title", "first");
        assertThat(opened.backend().fetch(second, List.of("x"), List.of("title")).get("x"))
                .containsEntry("title", "second");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad\"name", "x; DROP TABLE notes", "with space", "1starts_with_digit", "dash-ed"})
    void givenFieldNameOutsideTheIdentifierRule_whenRegistered_thenRejectedAndNothingCreated(String field)
            throws SQLException {
        PostgresTestServers server = PostgresTestServers.POSTGRES;
        String schema = PostgresTestServers.freshSchema();
        try (Workspace ws = HeavenBase.open("names", Map.of("main", server.config(schema)))) {
            List<String> before = tables(server, schema);

            assertThatThrownBy(() -> ws.register(EntitySchema.builder("notes").field(field, "ShortText").build()))
                    .isInstanceOf(ValidationException.class);

            assertThat(tables(server, schema)).containsExactlyInAnyOrderElementsOf(before).doesNotContain("notes");
            ws.drop();
        } finally {
            server.dropSchema(schema);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Notes", "notes; DROP", "n\"x", "-notes", "notes_x"})
    void givenEntityIdOutsideTheIdentifierRule_whenRegistered_thenRejected(String entity) {
        PostgresTestServers server = PostgresTestServers.POSTGRES;
        String schema = PostgresTestServers.freshSchema();
        try (Workspace ws = HeavenBase.open("names", Map.of("main", server.config(schema)))) {
            assertThatThrownBy(() -> ws.register(EntitySchema.builder(entity).field("title", "ShortText").build()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("entity");
            ws.drop();
        } finally {
            server.dropSchema(schema);
        }
    }

    private static List<String> tables(PostgresTestServers server, String schema) throws SQLException {
        return strings(server, "SELECT tablename FROM pg_tables WHERE schemaname = ?", schema);
    }

    private static List<String> indexDefinitions(PostgresTestServers server, String schema) throws SQLException {
        return strings(server, "SELECT indexdef FROM pg_indexes WHERE schemaname = ?", schema);
    }

    private static List<String> strings(PostgresTestServers server, String sql, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection connection = server.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    out.add(result.getString(1));
                }
            }
        }
        return out;
    }
}
