package io.heavenbase.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.Catalog;
import io.heavenbase.HeavenBase;
import io.heavenbase.HeavenBaseException;
import io.heavenbase.Query;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.system.CatalogRows;
import io.heavenbase.system.SystemEntities;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The catalog view answers exactly as the stored catalog did: random objects of three entities
 * (see {@link CatalogData}) are written to the layout under test, the rows the stored catalog
 * held for them ({@link CatalogRows#catalogRow} of each row written, as the write path used to
 * store them) are stored in an entity of the catalog's shape on one inmem store, and random
 * catalog queries must give the same ids in the same order, the same columns and values, and the
 * same counts, through JSON, the builder and {@code count()}. {@code -Dhb.differential.seed=N}
 * replays a reported seed.
 */
public interface CatalogConformance extends ConformanceContext {

    String REFERENCE = "catalog-ref";

    @Test
    default void givenObjectsOfSeveralEntities_whenRandomCatalogQueriesRun_thenTheyAnswerLikeTheStoredCatalog() {
        long seed = DifferentialCheck.seed(20_261_206L);
        withStoredCatalog(seed, (reference, values) -> {
            CatalogQueries queries = new CatalogQueries(new Random(seed + 1), values);
            int nonEmpty = 0;
            int count = 80;
            for (int i = 0; i < count; i++) {
                GeneratedQuery query = queries.next();
                nonEmpty += compare(reference, query.json(), query.builder(), "seed " + seed + ", catalog query #" + i)
                        ? 1 : 0;
            }
            assertThat(nonEmpty).as("catalog queries with a non-empty answer (seed %d)", seed).isGreaterThan(count / 2);
        });
    }

    /**
     * Every page of every order an entity can sort by (where each entity contributes only its first
     * rows and those tied with the last), and every comparison with texts at the catalog's cut.
     */
    @Test
    default void givenObjectsOfSeveralEntities_whenPagingInEveryOrderAndComparingAtTheCut_thenLikeTheStoredCatalog() {
        long seed = DifferentialCheck.seed(20_261_207L);
        withStoredCatalog(seed, (reference, values) -> {
            List<List<String>> orders = List.of(List.of("name"), List.of("-name"), List.of("desc"), List.of("-desc"),
                    List.of("target_id"), List.of("-target_id"), List.of("target_entity", "-name"),
                    List.of("name", "-target_id"), List.of("object_id"));
            List<Map<String, Object>> filters = List.of(Map.of(),
                    Map.of("target_entity", Map.of("$ne", CatalogData.PAGE)),
                    Map.of("name", Map.of("$ne", "apple")));
            for (List<String> order : orders) {
                for (Map<String, Object> filter : filters) {
                    for (int offset : new int[] {0, 3, 9, 17}) {
                        for (int limit : new int[] {1, 4, 15}) {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("filter", filter);
                            json.put("order_by", order);
                            json.put("offset", offset);
                            json.put("limit", limit);
                            compare(reference, json, null, "seed " + seed + ", paging " + json);
                        }
                    }
                }
            }
            List<Map<String, Object>> edges = List.of(
                    Map.of("tags", Map.of("$contained_in", "big " + CatalogData.WIDE_TAG)),
                    Map.of("$not", Map.of("tags", Map.of("$contained_in", CatalogData.WIDE_TAG + " york"))),
                    Map.of("tags", Map.of("$contained_in", CatalogData.LONG_TAG)),
                    Map.of("tags", Map.of("$array_contains", CatalogData.WIDE_TAG)),
                    Map.of("tags", Map.of("$array_contains", CatalogData.LONG_TAG)),
                    Map.of("tags", Map.of("$array_contains", "7")),
                    Map.of("tags", Map.of("$null", true)),
                    Map.of("object_id", Map.of("$null", false)),
                    Map.of("desc", Map.of("$match", "qu")),
                    Map.of("desc", Map.of("$match", "lorem quick")),
                    Map.of("$not", Map.of("desc", Map.of("$match", "ipsum qu"))),
                    Map.of("name", Map.of("$match", "lorem qu")));
            for (Map<String, Object> filter : edges) {
                compare(reference, Map.of("filter", filter, "order_by", List.of("target_id")), null,
                        "seed " + seed + ", edge filter");
            }
            for (Object name : values.get("name")) {
                String text = (String) name;
                if (text.codePointCount(0, text.length()) >= 250) {
                    String lastWord = text.substring(text.lastIndexOf(' ') + 1);
                    for (String op : List.of("$eq", "$ne", "$lt", "$lte", "$gt", "$gte")) {
                        compare(reference, Map.of("filter", Map.of("name", Map.of(op, text))), null,
                                "seed " + seed + ", name " + op + " a text at the cut");
                    }
                    compare(reference, Map.of("filter", Map.of("name", Map.of("$in", List.of(text, "apple")))), null,
                            "seed " + seed + ", name $in a text at the cut");
                    compare(reference, Map.of("filter", Map.of("$not", Map.of("name", Map.of("$nin", List.of(text))))),
                            null, "seed " + seed + ", not name $nin a text at the cut");
                    if (!lastWord.isEmpty()) {
                        compare(reference, Map.of("filter", Map.of("name", Map.of("$match", lastWord))), null,
                                "seed " + seed + ", name $match the last word before the cut: " + lastWord);
                    }
                }
            }
        });
    }

    /** The values catalog filters draw from, per column. */
    interface StoredCatalogCheck {
        void run(Workspace reference, Map<String, List<Object>> values);
    }

    /**
     * Writes the objects of the three entities (deleting every fifth again), stores the rows the
     * stored catalog held for them on a reference inmem workspace, checks {@code count} and
     * {@code get} on the catalog, then runs {@code check}; the reference is dropped afterwards.
     */
    private void withStoredCatalog(long seed, StoredCatalogCheck check) {
        Random random = new Random(seed);
        CatalogData data = new CatalogData(random);
        Map<EntitySchema, List<Map<String, Object>>> written = new LinkedHashMap<>();
        List<Map<String, Object>> items = new RandomRows(random).rows(40);
        for (int i = 1; i < items.size(); i += 3) {
            items.get(i).put(ConformanceEntity.NAME, "Apple"); // ties on the name an entity sorts first
        }
        written.put(item(), items);
        written.put(ws().register(CatalogData.note()), data.notes(40));
        written.put(ws().register(CatalogData.page()), data.pages(30));
        Workspace reference = HeavenBase.open("catref-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()),
                Map.of("main", Map.of("type", "inmem")));
        try {
            EntitySchema catalogShape = reference.register(referenceSchema());
            List<Object> catalogIds = new ArrayList<>();
            List<Object> targetIds = new ArrayList<>();
            for (Map.Entry<EntitySchema, List<Map<String, Object>>> entity : written.entrySet()) {
                List<Map<String, Object>> rows = entity.getValue();
                ws().upsertMany(entity.getKey(), rows);
                List<Map<String, Object>> catalogRows = new ArrayList<>();
                for (Map<String, Object> row : rows) {
                    catalogRows.add(CatalogRows.catalogRow(entity.getKey(), row));
                }
                reference.upsertMany(catalogShape, catalogRows);
                for (int i = 0; i < rows.size(); i += 5) {
                    String id = (String) rows.get(i).get("object_id");
                    ws().delete(entity.getKey(), id);
                    reference.delete(catalogShape, CatalogRows.catalogId(entity.getKey().id(), id));
                }
                catalogRows.forEach(row -> catalogIds.add(row.get("object_id")));
                rows.forEach(row -> targetIds.add(row.get("object_id")));
            }
            assertThat(ws().count(Catalog.class)).as("count(Catalog.class), seed %d", seed)
                    .isEqualTo(reference.count(catalogShape));
            for (int i = 0; i < catalogIds.size(); i += 7) {
                String id = (String) catalogIds.get(i);
                assertThat(ws().get(Catalog.class, id).map(Content::row)).as("get %s, seed %d", id, seed)
                        .isEqualTo(reference.get(catalogShape, id).map(Content::row));
            }
            Map<String, List<Object>> values = new LinkedHashMap<>();
            values.put("object_id", with(catalogIds, "not-a-catalog-id"));
            values.put("target_id", with(targetIds, "zz", "n1", "id0"));
            values.put("target_entity", List.of(ConformanceEntity.ID, CatalogData.NOTE, CatalogData.PAGE, "nope"));
            values.put("name", with(new ArrayList<>(data.names()), RandomRows.TEXTS.toArray()));
            values.put("desc", with(new ArrayList<>(data.descs()), "quick", "lazy dog", "Über"));
            check.run(reference, values);
        } finally {
            try {
                reference.drop();
            } finally {
                reference.close();
            }
        }
    }

    /**
     * Runs one catalog query on the workspace (JSON, and the builder when given) and on the reference,
     * asserts the same frame and count; returns whether the answer is non-empty.
     */
    private boolean compare(Workspace reference, Map<String, Object> json, UnaryOperator<Query> builder,
            String description) {
        String shown = description + ": " + shorten(json);
        ResultFrame expected = run(() -> reference.queryJson(REFERENCE, json), shown);
        assertSameFrame(run(() -> ws().queryJson(Catalog.class, json), shown), expected, "json " + shown);
        if (builder != null) {
            assertSameFrame(run(() -> builder.apply(ws().query(Catalog.class)).execute(), shown), expected,
                    "builder " + shown);
            assertThat(run(() -> builder.apply(ws().query(Catalog.class)).count(), shown)).as("count " + shown)
                    .isEqualTo(builder.apply(reference.query(REFERENCE)).count());
        } else {
            Map<String, Object> filterOnly = new LinkedHashMap<>();
            filterOnly.put("filter", json.getOrDefault("filter", Map.of()));
            assertThat(run(() -> ws().queryJson(Catalog.class, filterOnly).size(), shown)).as("all rows " + shown)
                    .isEqualTo(reference.queryJson(REFERENCE, filterOnly).size());
        }
        return !expected.isEmpty();
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }

    private static EntitySchema referenceSchema() {
        EntitySchema.Builder builder = EntitySchema.builder(REFERENCE);
        for (FieldSchema field : SystemEntities.catalog().fields()) {
            builder.field(field.name(), field.dtype());
        }
        return builder.build();
    }

    private static List<Object> with(List<Object> values, Object... more) {
        List<Object> out = new ArrayList<>(values);
        out.addAll(List.of(more));
        return out;
    }

    private static <T> T run(Supplier<T> query, String description) {
        try {
            return query.get();
        } catch (HeavenBaseException e) {
            throw new AssertionError("query failed: " + description, e);
        }
    }

    private static void assertSameFrame(ResultFrame actual, ResultFrame expected, String description) {
        assertThat(actual.ids()).as(description).containsExactlyElementsOf(expected.ids());
        assertThat(actual.columns()).as("columns " + description).containsExactlyElementsOf(expected.columns());
        for (int i = 0; i < expected.size(); i++) {
            Row want = expected.rows().get(i);
            Row got = actual.rows().get(i);
            for (String column : expected.columns()) {
                assertThat(Content.of(got.get(column))).as("%s of %s in %s", column, want.id(), description)
                        .isEqualTo(Content.of(want.get(column)));
            }
        }
    }
}
