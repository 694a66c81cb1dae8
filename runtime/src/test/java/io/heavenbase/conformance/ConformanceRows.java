package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.ACTIVE;
import static io.heavenbase.conformance.ConformanceEntity.BLOB;
import static io.heavenbase.conformance.ConformanceEntity.BODY;
import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.CREATED;
import static io.heavenbase.conformance.ConformanceEntity.DAY;
import static io.heavenbase.conformance.ConformanceEntity.EMBEDDING;
import static io.heavenbase.conformance.ConformanceEntity.LINKS;
import static io.heavenbase.conformance.ConformanceEntity.META;
import static io.heavenbase.conformance.ConformanceEntity.NAME;
import static io.heavenbase.conformance.ConformanceEntity.OBJECT_ID;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.REF;
import static io.heavenbase.conformance.ConformanceEntity.SIZES;
import static io.heavenbase.conformance.ConformanceEntity.SUMMARY;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data in canonical form (the values {@code get} must give back): twelve filter/order rows
 * with nulls, duplicates, case and accent variants, and one row carrying every type.
 *
 * <p>Vectors are chosen so the similarity rankings the suite asserts have no near-ties except
 * exact ones (which are broken by object_id).
 */
public final class ConformanceRows {

    /** Every id of {@link #fixture()}, ascending. */
    public static final List<String> FIXTURE_IDS = List.of("r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08",
            "r09", "r10", "r11", "r12");

    private ConformanceRows() {
    }

    /** The filter and ordering rows; absent keys are nulls. r04 is null everywhere except title. */
    public static List<Map<String, Object>> fixture() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("r01", TITLE, "apple pie", QTY, 5L, PRICE, 2.5, ACTIVE, true, COLOR, "red",
                CREATED, at("2024-01-01T10:00:00.001Z"), DAY, day("2024-01-01"), TAGS, List.of("apple", "pie"),
                SIZES, List.of(1L, 2L), BODY, "The quick brown fox", EMBEDDING, vec(1, 0, 0), REF, "a-1"));
        rows.add(row("r02", TITLE, "Apple", QTY, 10L, PRICE, 10.0, ACTIVE, false, COLOR, "green",
                CREATED, at("2024-02-01T00:00:00Z"), DAY, day("2024-02-01"), TAGS, List.of("apple"),
                SIZES, List.of(2L), BODY, "Quick thinking, quick wins", EMBEDDING, vec(0.9f, 0.1f, 0), REF, "a-2"));
        rows.add(row("r03", TITLE, "éclair", QTY, -3L, PRICE, 9.99, ACTIVE, true, COLOR, "blue",
                CREATED, at("2024-03-01T12:30:00Z"), DAY, day("2024-03-01"), TAGS, List.of("new york", "pie"),
                SIZES, List.of(3L, 1L), BODY, "brown bread and butter", EMBEDDING, vec(0, 1, 0), REF, "b-1"));
        rows.add(row("r04", TITLE, "eclair"));
        rows.add(row("r05", TITLE, "banana split", QTY, 5L, PRICE, 2.5, ACTIVE, false, COLOR, "red",
                CREATED, at("2024-01-15T08:00:00Z"), DAY, day("2024-01-15"), TAGS, List.of("banana"),
                SIZES, List.of(1L), BODY, "the lazy dog", EMBEDDING, vec(-1, 0, 0), REF, "b-2"));
        rows.add(row("r06", TITLE, "cherry", QTY, 100L, PRICE, -1.5, ACTIVE, true, COLOR, "green",
                CREATED, at("2024-06-30T23:00:00Z"), DAY, day("2024-06-30"), TAGS, List.of("york"),
                SIZES, List.of(10L, 20L), BODY, "Brown fox jumps", EMBEDDING, vec(0, 0, 1), REF, "c-1"));
        rows.add(row("r07", TITLE, "Zebra", QTY, 2L, PRICE, 100.25, ACTIVE, false, COLOR, "blue",
                CREATED, at("2024-12-31T23:59:59.999Z"), DAY, day("2024-12-31"), TAGS, List.of("zebra", "stripes"),
                SIZES, List.of(5L), BODY, "ZEBRA crossing", EMBEDDING, vec(0.5f, 0.5f, 0), REF, "c-2"));
        rows.add(row("r08", QTY, 7L, PRICE, 7.0, ACTIVE, true,
                CREATED, at("2024-05-05T05:05:05.005Z"), TAGS, List.of("pie"),
                SIZES, List.of(7L, 1L), BODY, "an apple a day", EMBEDDING, vec(0.6f, 0, 0.8f), REF, "d-1"));
        rows.add(row("r09", TITLE, "apple", QTY, 0L, PRICE, 0.0, COLOR, "red",
                DAY, day("2024-01-01"), TAGS, List.of("Apple"),
                SIZES, List.of(0L), BODY, "APPLE Pie", EMBEDDING, vec(0, -1, 0), REF, "a-1"));
        rows.add(row("r10", TITLE, "Ápple", QTY, 10L, PRICE, -0.5, ACTIVE, false, COLOR, "green",
                CREATED, at("2024-02-01T00:00:00Z"), DAY, day("2024-02-01"), TAGS, List.of("b"),
                SIZES, List.of(2L, 2L), BODY, "pie", EMBEDDING, vec(0.1f, 0.9f, 0), REF, "e-1"));
        rows.add(row("r11", TITLE, "apple pie", QTY, 1L, PRICE, 1.0e6, ACTIVE, true, COLOR, "blue",
                CREATED, at("2024-03-15T00:00:00Z"), DAY, day("2024-03-15"), TAGS, List.of("apple", "pie"),
                BODY, "no match here", EMBEDDING, vec(1, 1, 1), REF, "e-2"));
        rows.add(row("r12", TITLE, "😀 smile", QTY, -100L, PRICE, 2.0, ACTIVE, false, COLOR, "red",
                CREATED, at("2024-04-01T00:00:00Z"), DAY, day("2024-04-01"), TAGS, List.of("😀"),
                SIZES, List.of(-5L), BODY, "emoji 😀 text", EMBEDDING, vec(-0.5f, -0.5f, -0.5f), REF, "f-1"));
        return rows;
    }

    /** A row holding a non-null value of every logical type, including texts at their maximum length. */
    public static Map<String, Object> everyType(String id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", "héllo 😀");
        json.put("long", 42L);
        json.put("double", 2.0);
        json.put("negative", -0.125);
        json.put("flag", true);
        json.put("nested", Map.of("list", List.of(1L, "two", false, 3.25, Map.of("deep", List.of()))));
        json.put("empty", Map.of());
        byte[] blob = new byte[256];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) i;
        }
        return row(id, NAME, "every type", TITLE, "t".repeat(250) + "é😀", REF, "ref-" + id,
                SUMMARY, "m".repeat(4095), BODY, "long text 😀 " + "x".repeat(60_000),
                QTY, Long.MIN_VALUE + 1, PRICE, 1.0 / 3.0, ACTIVE, true, COLOR, "green",
                CREATED, at("2024-07-08T09:10:11.123Z"), DAY, day("1999-12-31"),
                TAGS, List.of("one", "two words", "ÜBER"), SIZES, List.of(-1L, 0L, Long.MAX_VALUE),
                EMBEDDING, vec(0.25f, -1.5f, 3.0e-7f), META, json,
                LINKS, List.of(Map.of("slot", "color", "value", "red", "topic", "paint"),
                        Map.of("slot", "size", "value", "L", "topic", "fit")),
                BLOB, blob);
    }

    /** A fixture row by id. */
    public static Map<String, Object> fixtureRow(String id) {
        return fixture().stream().filter(r -> r.get(OBJECT_ID).equals(id)).findFirst().orElseThrow();
    }

    /** An ordered row map from alternating keys and values, {@code object_id} first. */
    public static Map<String, Object> row(String id, Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(OBJECT_ID, id);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** A copy of {@code row} with {@code field} set to {@code value}. */
    public static Map<String, Object> with(Map<String, Object> row, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.put(field, value);
        return copy;
    }

    public static Instant at(String iso) {
        return Instant.parse(iso);
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static float[] vec(float... values) {
        return values;
    }

    /** The ids of rows in the order given. */
    public static List<String> ids(List<Map<String, Object>> rows) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            ids.add((String) row.get(OBJECT_ID));
        }
        return Collections.unmodifiableList(ids);
    }

    /** A list that may contain nulls. */
    public static List<Object> listOf(Object... values) {
        return Arrays.asList(values);
    }
}
