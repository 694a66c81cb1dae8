package io.heavenbase.quarkus.runtime.devui;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.query.QueryJson;
import io.heavenbase.query.QuerySpec;
import io.heavenbase.schema.EntitySchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Dev UI rebuilds a JSON query as a builder query to explain it: nothing the JSON asks for may be lost. */
class JsonQueriesTest {

    @Test
    void givenAHybridJsonQuery_whenApplied_thenEveryPartReachesTheBuilder() {
        try (Workspace workspace = HeavenBase.open("devui-json", Map.of("main", Map.of("type", "inmem")))) {
            EntitySchema doc = workspace.register(EntitySchema.builder("doc").field("body", "LongText")
                    .field("embedding", "Vector[2]").field("n", "Integer").build());
            QuerySpec parsed = QueryJson.fromMap(Map.of("filter", Map.of("n", Map.of("$gt", 1)),
                    "search", Map.of("field", "body", "text", "agent", "top_k", 5),
                    "near", Map.of("field", "embedding", "vector", List.of(1, 0), "top_k", 4),
                    "fusion", Map.of("method", "weighted", "search", 0.3, "near", 0.7),
                    "select", List.of("body", "score"), "order_by", List.of("-n"), "limit", 3, "offset", 1));

            QuerySpec rebuilt = JsonQueries.apply(workspace.query(doc), parsed).spec();

            assertThat(rebuilt.filter()).isEqualTo(parsed.filter());
            assertThat(rebuilt.search()).isEqualTo(parsed.search());
            assertThat(rebuilt.fusion()).isEqualTo(parsed.fusion());
            assertThat(rebuilt.near().field()).isEqualTo("embedding");
            assertThat(rebuilt.near().vector()).containsExactly(1f, 0f);
            assertThat(rebuilt.near().topK()).isEqualTo(4);
            assertThat(rebuilt.select()).isEqualTo(parsed.select());
            assertThat(rebuilt.orderBy()).isEqualTo(parsed.orderBy());
            assertThat(rebuilt.limit()).isEqualTo(3);
            assertThat(rebuilt.offset()).isEqualTo(1);
        }
    }
}
