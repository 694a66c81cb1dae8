package io.heavenbase.backend.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ValidationException;
import io.heavenbase.backend.sql.duckdb.DuckdbProvider;
import io.heavenbase.backend.sql.postgres.PostgresProvider;
import io.heavenbase.backend.sql.postgres.PostgresTestServers;
import io.heavenbase.backend.sql.sqlite.SqliteProvider;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An existing column whose stored type is text where the field is now a number (or the other way round) fails
 * {@code ensure} with a {@code schema_drift} error naming entity, field, both types and the way out, and changes
 * nothing; it is what the catalog of field types cannot see when its rows were lost or another tool made the table.
 */
class ColumnDriftTest {

    private SqlBackend backend;
    private String schema;

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
        if (schema != null) {
            PostgresTestServers.POSTGRES.dropSchema(schema);
        }
    }

    static Stream<Arguments> engines() {
        return Stream.of(Arguments.of("sqlite"), Arguments.of("duckdb"), Arguments.of("postgres"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void givenATextColumn_whenTheFieldBecomesAnInteger_thenEnsureFailsAndTheRowsStay(String engine) {
        backend = open(engine);
        EntityLayout before = layout("ShortText");
        backend.ensure(before);
        backend.upsert(before, List.of(Map.of(Names.OBJECT_ID, "n1", "rank", "high")));

        assertThatThrownBy(() -> backend.ensure(layout("Integer"))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).rule()).isEqualTo("schema_drift"))
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("rank"))
                .hasMessageContaining("entity 'note' field 'rank' is declared as Integer")
                .hasMessageContaining("is stored as").hasMessageContaining("Nothing was changed")
                .hasMessageContaining("Workspace.drop()");

        assertThat(backend.fetch(before, List.of("n1"), List.of("rank")).get("n1")).containsEntry("rank", "high");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void givenAnIntegerColumn_whenTheFieldBecomesText_thenEnsureFails(String engine) {
        backend = open(engine);
        EntityLayout before = layout("Integer");
        backend.ensure(before);
        backend.upsert(before, List.of(Map.of(Names.OBJECT_ID, "n1", "rank", 7L)));

        assertThatThrownBy(() -> backend.ensure(layout("LongText"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("field 'rank' is declared as LongText");

        assertThat(backend.fetch(before, List.of("n1"), List.of("rank")).get("n1")).containsEntry("rank", 7L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void givenTheSameFamily_whenEnsuredAgain_thenNothingFails(String engine) {
        backend = open(engine);
        backend.ensure(layout("Integer"));

        backend.ensure(layout("Float"));
        backend.ensure(new EntityLayout("note", List.of(field("rank", "Integer"), field("flag", "Boolean"),
                field("title", "ShortText"), field("body", "LongText"))));
        backend.ensure(new EntityLayout("note", List.of(field("rank", "Integer"), field("flag", "Boolean"),
                field("title", "ShortText"), field("body", "LongText"))));
    }

    private SqlBackend open(String engine) {
        Supplier<Map<String, Object>> config = switch (engine) {
            case "sqlite" -> () -> Map.of("type", "sqlite", "database", ":memory:");
            case "duckdb" -> () -> Map.of("type", "duckdb", "database", ":memory:");
            default -> () -> {
                schema = PostgresTestServers.freshSchema();
                return PostgresTestServers.POSTGRES.config(schema);
            };
        };
        BackendProvider provider = switch (engine) {
            case "sqlite" -> new SqliteProvider();
            case "duckdb" -> new DuckdbProvider();
            default -> new PostgresProvider();
        };
        return (SqlBackend) provider.open(new BackendConfig("main", config.get()));
    }

    private static EntityLayout layout(String rankType) {
        return new EntityLayout("note", List.of(field("rank", rankType)));
    }

    private static StoredField field(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }
}
