package io.heavenbase.backend.sql.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Plan;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A workspace on one duckdb backend: filters, match, array_contains, order and near all run
 * natively, and names outside the identifier rule are rejected before any SQL.
 */
class DuckdbWorkspaceTest {

    private final Workspace workspace = HeavenBase.open("duckdb-explain", Map.of("main",
            Map.of("type", "duckdb", "database", ":memory:")));

    @AfterEach
    void close() {
        workspace.drop();
        workspace.close();
    }

    @Test
    void givenAQuery_whenExplained_thenEveryStepIsNativeOnDuckdb() {
        EntitySchema article = workspace.register(EntitySchema.builder("article").field("title", "ShortText")
                .field("body", "LongText").field("views", "Integer").field("tags", "Array")
                .field("embedding", "Vector[2]").build());

        Plan plan = workspace.query(article).where(Filter.eq("title", "x")).where(Filter.lt("views", 3))
                .where(Filter.match("body", "fox")).where(Filter.arrayContains("tags", "t")).orderBy("views")
                .limit(5).explain();
        Plan near = workspace.query(article).where(Filter.lt("views", 3)).near("embedding", new float[] {1, 0}, 3)
                .explain();

        assertThat(plan.steps("filter")).hasSize(4).allSatisfy(step -> {
            assertThat(step.type()).isEqualTo("duckdb");
            assertThat(step.mode()).as("%s", step).isEqualTo(ExecutionMode.NATIVE);
        });
        assertThat(near.steps("near")).singleElement().satisfies(step -> {
            assertThat(step.mode()).isEqualTo(ExecutionMode.NATIVE);
            assertThat(step.strategy()).isEqualTo(Strategy.VECTOR_INDEX.id());
        });
        assertThat(plan.steps("order")).singleElement()
                .satisfies(step -> assertThat(step.mode()).isEqualTo(ExecutionMode.NATIVE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad name", "x\"; DROP TABLE t; --", "1starts_with_digit", "a-b", "\u00e9"})
    void givenAFieldNameOutsideTheIdentifierRule_whenRegistered_thenItIsRejectedAndNoTableIsCreated(String field)
            throws Exception {
        Path file = Files.createTempDirectory("hb-duckdb-names-").resolve("names.duckdb");
        try (Workspace onFile = HeavenBase.open("duckdb-names", Map.of("main",
                Map.of("type", "duckdb", "database", file.toString())))) {
            List<String> before = tables(file);

            assertThatThrownBy(() -> onFile.register(EntitySchema.fromMap(Map.of("name", "article",
                    "fields", Map.of(field, "ShortText"))))).isInstanceOf(ValidationException.class);
            assertThat(tables(file)).isEqualTo(before);
        } finally {
            DuckdbConformanceLayouts.removeTree(file.getParent());
        }
    }

    /** The tables of the file's database, read through the instance the workspace holds open. */
    private static List<String> tables(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath().normalize());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name FROM duckdb_tables() ORDER BY 1")) {
            List<String> out = new ArrayList<>();
            while (rows.next()) {
                out.add(rows.getString(1));
            }
            return out;
        }
    }

    @Test
    void givenTheGlobalCapabilities_whenAsked_thenTheySayWhatTheExplainSays() {
        var capabilities = HeavenBase.capabilities();

        assertThat(capabilities.mode(DType.vector(2), Strategy.INLINE_COLUMN, "near", "duckdb"))
                .contains(ExecutionMode.NATIVE);
        assertThat(capabilities.mode(DType.ARRAY, Strategy.INLINE_COLUMN, "array_contains", "duckdb"))
                .contains(ExecutionMode.NATIVE);
        assertThat(capabilities.mode(DType.LONG_TEXT, Strategy.INLINE_COLUMN, "match", "duckdb"))
                .contains(ExecutionMode.NATIVE);
        assertThat(capabilities.mode(DType.ARRAY, Strategy.INLINE_COLUMN, "contained_in", "duckdb"))
                .contains(ExecutionMode.FALLBACK);
    }
}
