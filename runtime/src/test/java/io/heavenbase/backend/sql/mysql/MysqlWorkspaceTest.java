package io.heavenbase.backend.sql.mysql;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A workspace on one mysql or oceanbase backend: what runs natively, and names rejected before any SQL. */
class MysqlWorkspaceTest {

    private final String prefix = MysqlTestServer.freshPrefix();
    private Workspace workspace;

    @AfterEach
    void dropEverything() {
        try {
            if (workspace != null) {
                workspace.drop();
                workspace.close();
            }
        } finally {
            MysqlTestServer.dropTables(prefix);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "oceanbase"})
    void givenAQuery_whenExplained_thenFiltersMatchArrayContainsAndOrderAreNativeAndNearFallsBack(String type) {
        workspace = open(type);
        EntitySchema article = workspace.register(EntitySchema.builder("article").field("title", "ShortText")
                .field("body", "LongText").field("views", "Integer").field("tags", "Array")
                .field("embedding", "Vector[2]").build());

        Plan plan = workspace.query(article).where(Filter.eq("title", "x")).where(Filter.lt("views", 3))
                .where(Filter.in("title", "a", "b")).where(Filter.match("body", "fox"))
                .where(Filter.arrayContains("tags", "t")).orderBy("views").limit(5).explain();
        Plan near = workspace.query(article).near("embedding", new float[] {1, 0}, 3).explain();

        assertThat(plan.steps("filter")).hasSize(5).allSatisfy(step -> {
            assertThat(step.type()).isEqualTo(type);
            assertThat(step.mode()).as("%s", step).isEqualTo(ExecutionMode.NATIVE);
        });
        assertThat(plan.steps("filter")).filteredOn(step -> step.field().equals("tags")).singleElement()
                .satisfies(step -> assertThat(step.strategy()).isEqualTo(Strategy.SIDE_TABLE.id()));
        assertThat(plan.steps("order")).singleElement()
                .satisfies(step -> assertThat(step.mode()).isEqualTo(ExecutionMode.NATIVE));
        assertThat(near.steps("near")).singleElement()
                .satisfies(step -> assertThat(step.mode()).isEqualTo(ExecutionMode.FALLBACK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "oceanbase"})
    void givenTheGlobalCapabilities_whenAsked_thenTheySayWhatTheExplainSays(String type) {
        var capabilities = HeavenBase.capabilities();

        assertThat(capabilities.mode(DType.LONG_TEXT, Strategy.INLINE_COLUMN, "match", type)).contains(ExecutionMode.NATIVE);
        assertThat(capabilities.mode(DType.INTEGER, Strategy.INLINE_COLUMN, "order", type)).contains(ExecutionMode.NATIVE);
        assertThat(capabilities.mode(DType.ARRAY, Strategy.SIDE_TABLE, "array_contains", type))
                .contains(ExecutionMode.NATIVE);
        assertThat(capabilities.mode(DType.vector(2), Strategy.INLINE_COLUMN, "near", type))
                .contains(ExecutionMode.FALLBACK);
        assertThat(capabilities.mode(DType.ARRAY, Strategy.INLINE_COLUMN, "array_contains", type)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad name", "x`; DROP TABLE t; --", "1starts_with_digit", "a-b", "é"})
    void givenAFieldNameOutsideTheIdentifierRule_whenRegistered_thenItIsRejectedAndNoTableIsCreated(String field) {
        workspace = open("mysql");
        List<String> before = MysqlTestServer.tables(prefix);

        assertThatThrownBy(() -> workspace.register(EntitySchema.fromMap(Map.of("name", "article",
                "fields", Map.of(field, "ShortText"))))).isInstanceOf(ValidationException.class);
        assertThat(MysqlTestServer.tables(prefix)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Article", "art icle", "x`y", "drop table; --", "a_b"})
    void givenAnEntityIdOutsideTheIdentifierRule_whenRegistered_thenItIsRejectedAndNoTableIsCreated(String entity) {
        workspace = open("mysql");
        List<String> before = MysqlTestServer.tables(prefix);

        assertThatThrownBy(() -> workspace.register(EntitySchema.builder(entity).field("title", "ShortText").build()))
                .isInstanceOf(ValidationException.class);
        assertThat(MysqlTestServer.tables(prefix)).isEqualTo(before);
    }

    private Workspace open(String type) {
        return HeavenBase.open("ws-" + prefix.substring(3, 11),
                Map.of("main", MysqlTestServer.urlConfig(type, prefix)));
    }
}
