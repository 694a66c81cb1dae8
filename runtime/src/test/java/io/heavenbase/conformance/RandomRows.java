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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random rows of the suite entity, drawn from small value pools so that filters hit, values
 * repeat (ties) and about one value in seven is null.
 */
public final class RandomRows {

    static final List<String> TEXTS = List.of("apple", "Apple", "apple pie", "Ápple", "éclair", "eclair", "banana",
            "Banana split", "zebra", "Zebra", "😀", "a b c", "\uFFFF", "naïve café", "B", "z");
    static final List<String> WORDS = List.of("quick", "brown", "fox", "Quick", "apple", "pie", "lazy", "dog", "café",
            "cafe", "Über", "über", "😀", "42");
    static final List<String> TAG_POOL = List.of("apple", "pie", "new york", "york", "b", "Apple", "😀", "New York");
    static final List<String> CONTAINER_WORDS = List.of("i", "love", "new", "york", "pie", "apple", "b", "big", "Apple");
    static final List<String> COLORS = List.of("red", "green", "blue");
    static final List<Double> PRICES = List.of(-1.5, 0.0, 0.5, 2.0, 2.5, 10.0, 100.25, 1.0e6);
    static final float[] COMPONENTS = {-1f, -0.5f, 0f, 0.5f, 1f};
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    static final LocalDate FIRST_DAY = LocalDate.parse("2024-01-01");

    private final Random random;

    public RandomRows(Random random) {
        this.random = random;
    }

    public List<Map<String, Object>> rows(int n) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(row(String.format("id%03d", i)));
        }
        return rows;
    }

    private Map<String, Object> row(String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(OBJECT_ID, id);
        maybe(row, NAME, pick(TEXTS));
        maybe(row, TITLE, pick(TEXTS));
        maybe(row, REF, "r-" + random.nextInt(16));
        maybe(row, SUMMARY, text());
        maybe(row, BODY, text());
        maybe(row, QTY, (long) (random.nextInt(11) - 5));
        maybe(row, PRICE, pick(PRICES));
        maybe(row, ACTIVE, random.nextBoolean());
        maybe(row, COLOR, pick(COLORS));
        maybe(row, CREATED, instant());
        maybe(row, DAY, day());
        maybe(row, TAGS, tags());
        maybe(row, SIZES, sizes());
        maybe(row, EMBEDDING, vector());
        maybe(row, META, Map.of("k", (long) random.nextInt(5), "flag", random.nextBoolean()));
        maybe(row, LINKS, List.of(Map.of("slot", pick(WORDS), "value", pick(TEXTS), "topic", "t")));
        maybe(row, BLOB, new byte[] {(byte) random.nextInt(), (byte) random.nextInt()});
        return row;
    }

    private void maybe(Map<String, Object> row, String field, Object value) {
        if (random.nextInt(7) != 0) {
            row.put(field, value);
        }
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String text() {
        String[] separators = {" ", ", ", "-", "! ", "\n"};
        StringBuilder out = new StringBuilder(pick(WORDS));
        int words = random.nextInt(5);
        for (int i = 0; i < words; i++) {
            out.append(separators[random.nextInt(separators.length)]).append(pick(WORDS));
        }
        return out.toString();
    }

    Instant instant() {
        return EPOCH.plusSeconds(86_400L * random.nextInt(10)).plusMillis(new long[] {0, 1, 999}[random.nextInt(3)]);
    }

    LocalDate day() {
        return FIRST_DAY.plusDays(random.nextInt(15));
    }

    List<String> tags() {
        List<String> tags = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            tags.add(pick(TAG_POOL));
        }
        return tags;
    }

    List<Long> sizes() {
        List<Long> sizes = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            sizes.add((long) (random.nextInt(7) - 3));
        }
        return sizes;
    }

    float[] vector() {
        return new float[] {COMPONENTS[random.nextInt(5)], COMPONENTS[random.nextInt(5)], COMPONENTS[random.nextInt(5)]};
    }

    Random random() {
        return random;
    }
}
