package io.heavenbase.conformance;

import io.heavenbase.schema.EntitySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two entities besides the suite entity for the catalog tests, and seeded random rows for them
 * that reach the edges of the catalog's row shape: names and descriptions just below, at and
 * beyond the catalog's cut (255 and 4095 code points), words cut in half by it, tags too long for
 * the catalog (in UTF-16 chars, not code points), and tags of a non-text array.
 *
 * <ul>
 * <li>{@value #NOTE}: {@code name} MediumText (cut), {@code desc} MediumText (copied),
 * {@code tags} Array[ShortText].</li>
 * <li>{@value #PAGE}: declares its own {@code object_id}, so it has no {@code name};
 * {@code desc} LongText (cut), {@code tags} Array[Integer] (tags as text).</li>
 * </ul>
 * The suite entity itself has a ShortText {@code name}, Array[ShortText] {@code tags} and no
 * {@code desc}.
 */
final class CatalogData {

    static final String NOTE = "cat-note";
    static final String PAGE = "cat-page";

    static final List<String> WORDS = List.of("quick", "brown", "fox", "lazy", "dog", "apple", "pie", "café", "Über",
            "42", "quickfox", "qu");
    /** Words of the long texts before the catalog's cut, apart from {@link #WORDS} so a match can tell the parts apart. */
    static final List<String> FILLER = List.of("lorem", "ipsum", "dolor");
    static final String LONG_TAG = "x".repeat(255);
    /** One word of 130 code points, 260 UTF-16 chars: a valid ShortText the catalog leaves out of its tags. */
    static final String WIDE_TAG = "\uD835\uDC1A".repeat(130);
    static final List<String> TAGS = List.of("apple", "pie", "new york", "york", "b", "Apple", "😀", LONG_TAG, WIDE_TAG,
            "y".repeat(200));

    private final Random random;
    private final List<String> names = new ArrayList<>();
    private final List<String> descs = new ArrayList<>();

    CatalogData(Random random) {
        this.random = random;
    }

    static EntitySchema note() {
        return EntitySchema.builder(NOTE).desc("catalog test: cut name, copied desc")
                .field("name", "MediumText")
                .field("desc", "MediumText")
                .field("tags", "Array[ShortText]")
                .field("rank", "Integer")
                .build();
    }

    static EntitySchema page() {
        return EntitySchema.builder(PAGE).desc("catalog test: no name, cut desc, numeric tags")
                .field("object_id", "Identifier")
                .field("desc", "LongText")
                .field("tags", "Array[Integer]")
                .build();
    }

    List<Map<String, Object>> notes(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("object_id", String.format("n%02d", i));
            maybe(row, "name", name());
            maybe(row, "desc", i % 3 == 1 ? "apple pie" : random.nextInt(4) == 0 ? filler(4095 - random.nextInt(3)) : text());
            maybe(row, "tags", tags());
            maybe(row, "rank", (long) random.nextInt(5));
            rows.add(row);
        }
        return rows;
    }

    List<Map<String, Object>> pages(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("object_id", String.format("p%02d", i));
            maybe(row, "desc", random.nextInt(3) == 0 ? filler(4088 + random.nextInt(10)) + " " + text() : text());
            List<Long> tags = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add((long) random.nextInt(9));
            }
            maybe(row, "tags", tags);
            rows.add(row);
        }
        return rows;
    }

    /** Names the catalog holds (cut to 255 code points) and some it does not, for filter values. */
    List<String> names() {
        return names;
    }

    /** Descriptions the catalog holds (cut to 4095 code points), for filter values. */
    List<String> descs() {
        return descs;
    }

    private String name() {
        String name;
        switch (random.nextInt(4)) {
            case 0:
                name = filler(250 + random.nextInt(10)) + (random.nextBoolean() ? " " : "") + text();
                break;
            case 1:
                name = filler(255);
                break;
            default:
                name = text();
        }
        names.add(cut(name, 255));
        return name;
    }

    private String text() {
        StringBuilder out = new StringBuilder(pick(WORDS));
        for (int i = random.nextInt(4); i > 0; i--) {
            out.append(random.nextBoolean() ? " " : ", ").append(pick(WORDS));
        }
        descs.add(out.toString());
        return out.toString();
    }

    /** Words up to exactly {@code length} code points, so a cut at 255 or 4095 may fall inside a word. */
    private String filler(int length) {
        StringBuilder out = new StringBuilder();
        while (out.codePointCount(0, out.length()) < length) {
            out.append(pick(FILLER)).append(' ');
        }
        String text = cut(out.toString(), length);
        descs.add(cut(text, 4095));
        return text;
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(pick(TAGS));
        }
        return tags;
    }

    private void maybe(Map<String, Object> row, String field, Object value) {
        if (random.nextInt(6) != 0) {
            row.put(field, value);
        }
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String cut(String text, int codePoints) {
        return text.codePointCount(0, text.length()) <= codePoints ? text
                : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
