package io.heavenbase.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Filter;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What every group of conformance tests gets from the running suite: a fresh workspace with the
 * suite entity registered for the layout under test, and shared steps.
 */
public interface ConformanceContext {

    /** The workspace of the current test. */
    Workspace ws();

    /** The layout the suite runs on. */
    ConformanceLayout currentLayout();

    /** The suite entity as registered for this layout. */
    EntitySchema item();

    /**
     * Closes the current workspace and opens a new one with the same id and backends (registering
     * nothing); later steps and the cleanup use the new one.
     */
    Workspace reopen();

    /**
     * Opens another workspace instance with the same id and backends (registering nothing), as a
     * second process would; it is closed, not dropped, after the test.
     */
    Workspace openSecondInstance();

    /**
     * Backends that hold parts of the suite entity: those named in the layout's placement plus the
     * first backend, which the placement rules give every unplaced field in the suite's layouts.
     */
    default Set<String> hostingBackends() {
        Set<String> backends = new LinkedHashSet<>();
        backends.add(currentLayout().backends().keySet().iterator().next());
        backends.addAll(currentLayout().placement().values());
        return backends;
    }

    /** Writes {@link ConformanceRows#fixture()} and returns it. */
    default List<Map<String, Object>> loadFixture() {
        List<Map<String, Object>> rows = ConformanceRows.fixture();
        ws().upsertMany(item(), rows);
        return rows;
    }

    /** Ids the builder query with this filter returns, in result order. */
    default List<String> idsWhere(Filter filter) {
        return ws().query(item()).where(filter).execute().ids();
    }

    /** Ids the JSON query with this filter returns, in result order. */
    default List<String> idsWhereJson(Map<String, ?> filter) {
        return ws().queryJson(item(), Map.of("filter", filter)).ids();
    }

    /** Ids of fixture-like rows satisfying {@code predicate}, ascending. */
    default List<String> expected(List<Map<String, Object>> rows, Predicate<Map<String, Object>> predicate) {
        return ReferenceModel.idsWhere(rows, predicate);
    }

    /** The stored row, failing the test when it is missing. */
    default Row stored(String id) {
        Optional<Row> row = ws().get(item(), id);
        assertThat(row).as("row %s", id).isPresent();
        return row.get();
    }

    /** Asserts that every field of {@code expected} was stored exactly (absent keys mean null). */
    default void assertStoredExactly(Map<String, Object> expected) {
        Row actual = stored((String) expected.get(ConformanceEntity.OBJECT_ID));
        for (String field : item().fieldNames()) {
            assertThat(Content.of(actual.get(field))).as("field %s of %s", field, expected.get("object_id"))
                    .isEqualTo(Content.of(expected.get(field)));
        }
    }

    /** The count and every stored row of {@code ids}, by content, to compare before and after a rejected call. */
    default Map<String, Object> snapshot(List<String> ids) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("count", ws().count(item()));
        for (String id : ids) {
            state.put(id, ws().get(item(), id).map(Content::row).orElse(null));
        }
        return state;
    }
}
