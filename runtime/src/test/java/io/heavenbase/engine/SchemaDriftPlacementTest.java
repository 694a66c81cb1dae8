package io.heavenbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.MetaSchema;
import io.heavenbase.RegisterOption;
import io.heavenbase.Row;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema drift by placement: a field of unchanged type now placed on another backend than the one
 * its values are stored on (a {@code @Store} added or removed) fails registration after a restart,
 * and {@link RegisterOption#MIGRATE} moves its values. Runs on a sqlite file ({@code main}) and a
 * json directory ({@code other}), both outliving the workspace instance.
 */
class SchemaDriftPlacementTest {

    private static final String ENTITY = "drift-box";

    @TempDir
    Path dir;

    private Workspace ws;

    @AfterEach
    void close() {
        if (ws != null) {
            ws.close();
        }
    }

    @Test
    void givenFieldStoredOnMain_whenRestartedWithItPlacedOnOther_thenFailsNamingBothPlacementsAndMigrateMovesValues() {
        ws = open();
        ws.register(box(null));
        ws.upsert(ENTITY, Map.of("name", "b1", "qty", 5L));

        ws = reopen();
        EntitySchema moved = box("other");

        assertThatThrownBy(() -> ws.register(moved)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).rule()).isEqualTo("schema_drift"))
                .hasMessageContaining("entity 'drift-box'")
                .hasMessageContaining("field 'qty' (Integer) is stored on backend(s) [main] but is now placed on [other]");

        ws.register(moved, RegisterOption.MIGRATE);
        assertThat(qtyOf("b1")).isEqualTo(5L);
        assertThat(storedBackends()).containsEntry("qty", "other");

        ws = reopen();
        ws.register(moved);
        assertThat(qtyOf("b1")).isEqualTo(5L);
        assertThat(ws.count(ENTITY)).isEqualTo(1);
    }

    @Test
    void givenFieldPinnedOnOther_whenRestartedWithoutThePin_thenMigrateReadsItFromWhereItWasStored() {
        ws = open();
        ws.register(box("other"));
        ws.upsert(ENTITY, Map.of("name", "b1", "qty", 8L));
        ws.upsert(ENTITY, Map.of("name", "b2"));

        ws = reopen();
        ws.register(box(null), RegisterOption.MIGRATE);

        assertThat(qtyOf("b1")).isEqualTo(8L);
        assertThat(ws.query(ENTITY).where(Filter.eq("name", "b2")).execute().rows()).singleElement()
                .satisfies(row -> assertThat(row.get("qty")).isNull());
        assertThat(storedBackends()).containsEntry("qty", "main");
        assertThat(ws.audit().issues()).isEmpty();
    }

    private EntitySchema box(String qtyBackend) {
        return EntitySchema.builder(ENTITY).field("label", "ShortText").field("qty", "Integer", f -> {
            if (qtyBackend != null) {
                f.store(qtyBackend);
            }
        }).build();
    }

    private Long qtyOf(String name) {
        List<Row> rows = ws.query(ENTITY).where(Filter.eq("name", name)).execute().rows();
        assertThat(rows).hasSize(1);
        return rows.get(0).getLong("qty");
    }

    private Map<String, String> storedBackends() {
        return ws.query(MetaSchema.class).where(Filter.and(Filter.eq("kind", "field"), Filter.eq("entity", ENTITY)))
                .execute().rows().stream()
                .collect(Collectors.toMap(r -> r.getString("field"), r -> r.getString("backend"), (a, b) -> a + "," + b));
    }

    private Workspace reopen() {
        ws.close();
        ws = null;
        return open();
    }

    private Workspace open() {
        Map<String, Map<String, Object>> backends = new LinkedHashMap<>();
        backends.put("main", Map.of("type", "sqlite", "database", dir.resolve("main.db").toString()));
        backends.put("other", Map.of("type", "json", "path", dir.resolve("other").toString()));
        return HeavenBase.open("drift-placement", backends);
    }
}
