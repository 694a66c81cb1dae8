package io.heavenbase.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.Plan;
import io.heavenbase.Workspace;
import io.heavenbase.query.TextMatch;
import io.heavenbase.schema.EntitySchema;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * {@code match} on a text field without full-text index must give exactly the ids it gives on the
 * same text with an index, and exactly {@link TextMatch#matches}. Every row holds one text in a
 * ShortText field with the switch on and one without, and another text in a LongText field with
 * (by default) and without. Texts and queries are seeded random mixes of words with Unicode
 * letters, accents, digits, case variants and punctuation, plus null, empty and word-less texts;
 * queries have zero to three words. Queries run plain, under {@code not}, and with an {@code and}
 * and an {@code or} on another field, before and after texts are replaced, cleared and deleted.
 * {@code explain()} must name the index state of each field and whether the unindexed one runs
 * natively. Set {@code -Dhb.differential.seed=N} to replay a reported seed.
 */
public final class FullTextDifferentialCheck {

    public static final String ENTITY = "fts-diff";
    private static final String SHORT_INDEXED = "short_indexed";
    private static final String SHORT_PLAIN = "short_plain";
    private static final String LONG_INDEXED = "long_indexed";
    private static final String LONG_PLAIN = "long_plain";
    private static final String RANK = "rank";

    private static final List<String> WORDS = List.of("alpha", "Alpha", "ALPHA", "beta", "gamma", "caf\u00e9", "cafe",
            "CAF\u00c9", "na\u00efve", "stra\u00dfe", "STRASSE", "\u0130stanbul", "istanbul", "x\u00b2", "42", "007",
            "\u01c5emal", "\ufb01ne", "\u65e5\u672c\u8a9e", "\u0441\u043c\u044b\u0441\u043b", "\u03a9mega",
            "e\u0301t\u00e9", "\uD801\uDC00x", "\u0661\u0662", "don't", "r\u00e9sum\u00e9", "R\u00c9SUM\u00c9", "a1b2",
            "\u00c6sir");
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", "-", ", ", "!", "\t", "_", "\u2026", "/",
            "'", "\u00a0", "  ", ".\n", "\uD83D\uDE00");

    private final long seed;
    private final int rowCount;
    private final int queryCount;

    public FullTextDifferentialCheck(long seed, int rowCount, int queryCount) {
        this.seed = seed;
        this.rowCount = rowCount;
        this.queryCount = queryCount;
    }

    /** The entity: each text twice, once with the full-text switch on and once off. */
    public static EntitySchema schema() {
        return EntitySchema.builder(ENTITY)
                .field(SHORT_INDEXED, "ShortText", field -> field.fullText(true))
                .field(SHORT_PLAIN, "ShortText")
                .field(LONG_INDEXED, "LongText")
                .field(LONG_PLAIN, "LongText", field -> field.fullText(false))
                .field(RANK, "Integer")
                .build();
    }

    /**
     * Runs the check on {@code layout} (one backend {@code main}), then drops and closes the
     * workspace and runs the layout's cleanup.
     *
     * @param withoutIndex how the layout's backend runs {@code match} on a field without index
     */
    public void assertSameIdsWithAndWithoutIndex(ConformanceLayout layout, ExecutionMode withoutIndex) {
        Workspace ws = HeavenBase.open("fts-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()),
                layout.backends());
        try {
            ws.register(schema());
            Random random = new Random(seed);
            Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
            for (int i = 0; i < rowCount; i++) {
                stored.put("r" + i, row("r" + i, random));
            }
            ws.upsertMany(ENTITY, new ArrayList<>(stored.values()));
            assertExplained(ws, withoutIndex);
            assertQueries(ws, stored, new Random(seed + 1), "after the first write");

            List<Map<String, Object>> changed = new ArrayList<>();
            for (String id : List.copyOf(stored.keySet())) {
                int dice = random.nextInt(6);
                if (dice == 0) {
                    ws.delete(ENTITY, id);
                    stored.remove(id);
                } else if (dice == 1) {
                    Map<String, Object> row = row(id, random);
                    changed.add(row);
                    stored.put(id, row);
                }
            }
            ws.upsertMany(ENTITY, changed);
            assertQueries(ws, stored, new Random(seed + 2), "after replacing and deleting rows");
        } finally {
            try {
                ws.drop();
            } finally {
                ws.close();
                layout.cleanup().run();
            }
        }
    }

    private void assertQueries(Workspace ws, Map<String, Map<String, Object>> stored, Random random, String when) {
        int nonEmpty = 0;
        for (int i = 0; i < queryCount; i++) {
            String query = query(random);
            int rank = random.nextInt(10);
            String description = "seed " + seed + ", " + when + ", query #" + i + " '" + query + "'";
            for (String[] pair : new String[][] {{SHORT_INDEXED, SHORT_PLAIN}, {LONG_INDEXED, LONG_PLAIN}}) {
                List<String> expected = ids(stored, row -> TextMatch.matches((String) row.get(pair[0]), query));
                nonEmpty += expected.isEmpty() ? 0 : 1;
                for (String field : pair) {
                    assertThat(ids(ws, Filter.match(field, query))).as("match %s, %s", field, description)
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(ids(ws, Filter.not(Filter.match(field, query)))).as("not match %s, %s", field,
                            description).containsExactlyInAnyOrderElementsOf(
                                    ids(stored, row -> !TextMatch.matches((String) row.get(pair[0]), query)));
                    assertThat(ids(ws, Filter.match(field, query).and(Filter.lt(RANK, rank))))
                            .as("match and rank < %d, %s, %s", rank, field, description)
                            .containsExactlyInAnyOrderElementsOf(ids(stored, row -> TextMatch.matches(
                                    (String) row.get(pair[0]), query) && ((Long) row.get(RANK)) < rank));
                    assertThat(ids(ws, Filter.match(field, query).or(Filter.eq(RANK, rank))))
                            .as("match or rank = %d, %s, %s", rank, field, description)
                            .containsExactlyInAnyOrderElementsOf(ids(stored, row -> TextMatch.matches(
                                    (String) row.get(pair[0]), query) || ((Long) row.get(RANK)) == rank));
                }
            }
        }
        assertThat(nonEmpty).as("queries with a non-empty answer (seed %d, %s)", seed, when)
                .isGreaterThan(queryCount / 2);
    }

    private static void assertExplained(Workspace ws, ExecutionMode withoutIndex) {
        for (String field : List.of(SHORT_INDEXED, LONG_INDEXED)) {
            Plan.Step step = ws.query(ENTITY).where(Filter.match(field, "alpha")).explain().steps("filter").get(0);
            assertThat(step.mode()).as("%s", step).isEqualTo(ExecutionMode.NATIVE);
            assertThat(step.detail()).as("%s", step).isEqualTo("full-text index");
        }
        for (String field : List.of(SHORT_PLAIN, LONG_PLAIN)) {
            Plan.Step step = ws.query(ENTITY).where(Filter.match(field, "alpha")).explain().steps("filter").get(0);
            assertThat(step.mode()).as("%s", step).isEqualTo(withoutIndex);
            assertThat(step.detail()).as("%s", step).isEqualTo(
                    withoutIndex == ExecutionMode.NATIVE ? "no full-text index, scan" : "no full-text index");
        }
        Plan.Step equality = ws.query(ENTITY).where(Filter.eq(SHORT_INDEXED, "alpha")).explain().steps("filter")
                .get(0);
        assertThat(equality.detail()).as("an op that uses no full-text index says nothing of it: %s", equality)
                .isEmpty();
    }

    private static List<String> ids(Workspace ws, Filter filter) {
        return ws.query(ENTITY).where(filter).execute().ids();
    }

    private static List<String> ids(Map<String, Map<String, Object>> stored, Predicate<Map<String, Object>> accepts) {
        List<String> out = new ArrayList<>();
        stored.forEach((id, row) -> {
            if (accepts.test(row)) {
                out.add(id);
            }
        });
        return out;
    }

    private static Map<String, Object> row(String id, Random random) {
        String shortText = text(random);
        String longText = text(random);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id);
        row.put(SHORT_INDEXED, shortText);
        row.put(SHORT_PLAIN, shortText);
        row.put(LONG_INDEXED, longText);
        row.put(LONG_PLAIN, longText);
        row.put(RANK, (long) random.nextInt(10));
        return row;
    }

    /** Null, empty, word-less, or up to eight pool words with random separators around them. */
    private static String text(Random random) {
        switch (random.nextInt(12)) {
            case 0:
                return null;
            case 1:
                return "";
            case 2:
                return " !? \u2014 ";
            default:
                StringBuilder text = new StringBuilder(random.nextBoolean() ? pick(SEPARATORS, random) : "");
                int words = 1 + random.nextInt(8);
                for (int i = 0; i < words; i++) {
                    text.append(i == 0 ? "" : pick(SEPARATORS, random)).append(pick(WORDS, random));
                }
                return text.toString();
        }
    }

    /** Zero to three pool words, their case sometimes changed, with random separators. */
    private static String query(Random random) {
        int words = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        StringBuilder query = new StringBuilder(words == 0 ? pick(SEPARATORS, random) : "");
        for (int i = 0; i < words; i++) {
            String word = pick(WORDS, random);
            int variant = random.nextInt(4);
            word = variant == 0 ? word.toUpperCase(java.util.Locale.ROOT)
                    : variant == 1 ? word.toLowerCase(java.util.Locale.ROOT) : word;
            query.append(i == 0 ? "" : pick(SEPARATORS, random)).append(word);
        }
        return query.toString();
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
