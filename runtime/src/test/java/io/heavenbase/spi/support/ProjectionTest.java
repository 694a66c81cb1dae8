package io.heavenbase.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    private static Map<String, Object> row(Object title, Object tags) {
        Map<String, Object> row = new HashMap<>();
        row.put("title", title);
        row.put("tags", tags);
        row.put("hidden", "not asked");
        return row;
    }

    @Test
    void givenStoredRows_whenProjected_thenFoundIdsInAskedOrderWithOnlyTheAskedFieldsAndObjectId() {
        Map<String, Map<String, Object>> found = Map.of("a", row("A", null), "c", row("C", List.of("x")));

        Map<String, Map<String, Object>> out = Projection.of(List.of("c", "b", "a"), found, List.of("title", "tags"));

        assertThat(out.keySet()).containsExactly("c", "a");
        assertThat(out.get("c")).containsOnlyKeys("title", "tags", "object_id")
                .containsEntry("title", "C").containsEntry("object_id", "c");
        assertThat(out.get("a")).containsEntry("tags", null).containsEntry("title", "A");
    }

    @Test
    void givenACopy_whenProjected_thenEveryValueGoesThroughIt() {
        List<Object> stored = new ArrayList<>(List.of("x"));
        Map<String, Map<String, Object>> found = Map.of("a", row("A", stored));

        Map<String, Map<String, Object>> out = Projection.of(List.of("a"), found, List.of("tags"),
                value -> value instanceof List<?> list ? new ArrayList<>(list) : value);
        stored.add("y");

        assertThat(out.get("a").get("tags")).isEqualTo(List.of("x"));
    }
}
