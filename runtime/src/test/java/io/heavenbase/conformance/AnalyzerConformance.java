package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heavenbase.Catalog;
import io.heavenbase.ExecutionMode;
import io.heavenbase.Filter;
import io.heavenbase.MetaSchema;
import io.heavenbase.Plan;
import io.heavenbase.RegisterOption;
import io.heavenbase.ResultFrame;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.search.LuceneReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * Per-field analyzers: a field with the {@code english} analyzer matches and ranks on Lucene's English terms
 * (possessives, lower case, stop words, Porter stems) on every backend and layout, and a {@code standard} field
 * beside it keeps the word rule. The entity has the same text in an english field ({@code body}) and a standard
 * one ({@code plain}), placed where the layout places the suite entity's {@code body} and {@code title}. Expected
 * matches come from Lucene's own {@link EnglishAnalyzer} in this test, not from the code under test.
 */
public interface AnalyzerConformance extends ConformanceContext {

    String WORDS = "conf-words";
    String ENGLISH_TEXT = "body";
    String PLAIN_TEXT = "plain";
    String COUNT = "qty";

    private EntitySchema wordsSchema(String bodyAnalyzer) {
        EntitySchema.Builder builder = EntitySchema.builder(WORDS);
        addField(builder, ENGLISH_TEXT, "LongText", ConformanceEntity.BODY, bodyAnalyzer);
        addField(builder, PLAIN_TEXT, "LongText", ConformanceEntity.TITLE, null);
        addField(builder, COUNT, "Integer", ConformanceEntity.QTY, null);
        return builder.build();
    }

    private void addField(EntitySchema.Builder builder, String name, String dtype, String placedLike,
            String analyzer) {
        String backend = currentLayout().backendOf(placedLike);
        builder.field(name, dtype, field -> {
            field.analyzer(analyzer);
            if (backend != null) {
                field.store(backend);
            }
        });
    }

    /** Texts where stemming, stop words, possessives and case each decide some match. */
    private static Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("w01", "Agents run the systems");
        texts.put("w02", "The agent's report");
        texts.put("w03", "Running agencies");
        texts.put("w04", "the and of");
        texts.put("w05", "AGENT runs");
        texts.put("w06", "connected connections connect");
        texts.put("w07", "plain words only");
        texts.put("w08", null);
        return texts;
    }

    private EntitySchema loadWords() {
        EntitySchema words = ws().register(wordsSchema("english"));
        List<Map<String, Object>> rows = new ArrayList<>();
        long qty = 1;
        for (Map.Entry<String, String> text : texts().entrySet()) {
            Map<String, Object> row = text.getValue() == null ? row(text.getKey(), COUNT, qty)
                    : row(text.getKey(), ENGLISH_TEXT, text.getValue(), PLAIN_TEXT, text.getValue(), COUNT, qty);
            rows.add(row);
            qty++;
        }
        ws().upsertMany(words, rows);
        return words;
    }

    /** Lucene's terms of {@code text} under {@code analyzer}. */
    private static Set<String> luceneTerms(Analyzer analyzer, String text) {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The rows whose text holds every English term of {@code query}, by Lucene's EnglishAnalyzer. */
    private static List<String> englishMatches(String query) {
        try (Analyzer english = new EnglishAnalyzer()) {
            Set<String> wanted = luceneTerms(english, query);
            List<String> ids = new ArrayList<>();
            texts().forEach((id, text) -> {
                if (!wanted.isEmpty() && text != null && luceneTerms(english, text).containsAll(wanted)) {
                    ids.add(id);
                }
            });
            return ids;
        }
    }

    private List<String> matching(EntitySchema words, String field, String text) {
        return new ArrayList<>(new TreeSet<>(ws().query(words).where(Filter.match(field, text)).execute().ids()));
    }

    @Test
    default void givenAnEnglishField_whenMatched_thenStemsStopWordsPossessivesAndCaseDecide() {
        EntitySchema words = loadWords();

        assertThat(matching(words, ENGLISH_TEXT, "agent")).as("plural, possessive, upper case")
                .containsExactly("w01", "w02", "w05");
        assertThat(matching(words, ENGLISH_TEXT, "runs")).as("run, runs, running share the stem run")
                .containsExactly("w01", "w03", "w05");
        assertThat(matching(words, ENGLISH_TEXT, "the agents")).as("the is a stop word")
                .containsExactly("w01", "w02", "w05");
        assertThat(matching(words, ENGLISH_TEXT, "connecting")).containsExactly("w06");
        assertThat(matching(words, ENGLISH_TEXT, "agency")).as("agency stems to agenc, not agent")
                .containsExactly("w03");
        assertThat(matching(words, ENGLISH_TEXT, "the of and")).as("only stop words: no terms").isEmpty();
        for (String query : List.of("agent", "runs", "the agents", "connecting", "agency", "system report",
                "Running", "agent's", "words")) {
            assertThat(matching(words, ENGLISH_TEXT, query)).as(query).containsExactlyElementsOf(englishMatches(query));
        }
    }

    @Test
    default void givenAStandardFieldBesideIt_whenMatched_thenTheWordRuleIsUnchanged() {
        EntitySchema words = loadWords();

        assertThat(matching(words, PLAIN_TEXT, "agent")).as("the word rule splits agent's into agent and s")
                .containsExactly("w02", "w05");
        assertThat(matching(words, PLAIN_TEXT, "runs")).containsExactly("w05");
        assertThat(matching(words, PLAIN_TEXT, "the agents")).containsExactly("w01");
        assertThat(matching(words, PLAIN_TEXT, "the of and")).containsExactly("w04");
    }

    @Test
    default void givenEnglishMatchInsideBooleanFilters_whenQueried_thenItComposesWithOtherBackendsLeaves() {
        EntitySchema words = loadWords();

        List<String> notAgent = ws().query(words).where(Filter.not(Filter.match(ENGLISH_TEXT, "agent")))
                .orderBy("object_id").execute().ids();
        List<String> runsOrLarge = ws().query(words).where(Filter.match(ENGLISH_TEXT, "run")
                .or(Filter.gte(COUNT, 7L))).orderBy("object_id").execute().ids();
        List<String> runsAndSmall = ws().query(words).where(Filter.match(ENGLISH_TEXT, "running")
                .and(Filter.lt(COUNT, 4L)).and(Filter.match(PLAIN_TEXT, "agencies"))).execute().ids();
        long counted = ws().query(words).where(Filter.match(ENGLISH_TEXT, "agent")).count();
        ResultFrame json = ws().queryJson(words, Map.of("filter", Map.of(ENGLISH_TEXT, Map.of("$match", "AGENTS")),
                "order_by", List.of("object_id")));

        assertThat(notAgent).containsExactly("w03", "w04", "w06", "w07", "w08");
        assertThat(runsOrLarge).containsExactly("w01", "w03", "w05", "w07", "w08");
        assertThat(runsAndSmall).containsExactly("w03");
        assertThat(counted).isEqualTo(3);
        assertThat(json.ids()).containsExactly("w01", "w02", "w05");
    }

    @Test
    default void givenAnEnglishField_whenExplained_thenMatchRunsInTheEngineAndAStandardFieldIsUnaffected() {
        EntitySchema words = loadWords();

        Plan english = ws().query(words).where(Filter.match(ENGLISH_TEXT, "agent")).explain();
        Plan plain = ws().query(words).where(Filter.match(PLAIN_TEXT, "agent")).explain();

        assertThat(english.steps("filter")).singleElement().satisfies(step -> {
            assertThat(step.mode()).isEqualTo(ExecutionMode.FALLBACK);
            assertThat(step.detail()).contains("analyzer english");
        });
        assertThat(plain.steps("filter")).singleElement()
                .satisfies(step -> assertThat(step.detail()).doesNotContain("analyzer"));
    }

    @Test
    default void givenAnEnglishField_whenSearched_thenRankedAsLuceneRanksWithItsEnglishAnalyzer() {
        EntitySchema words = loadWords();
        Map<String, String> texts = texts();
        texts.put("w09", "agents agents agents");
        ws().upsert(words, row("w09", ENGLISH_TEXT, texts.get("w09"), COUNT, 9L));

        ResultFrame found = ws().query(words).search(ENGLISH_TEXT, "the running agents", 4).execute();
        ResultFrame filtered = ws().query(words).where(Filter.gt(COUNT, 2L))
                .search(ENGLISH_TEXT, "agent run", 3).execute();
        Plan plan = ws().query(words).search(ENGLISH_TEXT, "agent", 3).explain();

        try (Analyzer english = new EnglishAnalyzer()) {
            LuceneReference reference = new LuceneReference(texts, english);
            assertSameRanking(found, reference.top("the running agents", 4, id -> true));
            assertSameRanking(filtered, reference.top("agent run", 3,
                    id -> !List.of("w01", "w02").contains(id)));
        }
        assertThat(found.ids()).contains("w09", "w05");
        assertThat(plan.steps("search")).singleElement()
                .satisfies(step -> assertThat(step.detail()).contains("analyzer english"));
    }

    private static void assertSameRanking(ResultFrame found, List<LuceneReference.Scored> expected) {
        assertThat(expected).isNotEmpty();
        assertThat(found.ids()).containsExactlyElementsOf(expected.stream().map(LuceneReference.Scored::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(found.rows().get(i).score())
                    .isCloseTo(expected.get(i).score(), within(1e-4 * Math.abs(expected.get(i).score())));
        }
    }

    @Test
    default void givenSearchTextWithoutTermsUnderTheFieldsAnalyzer_whenSearched_thenValidationErrorNamesThePath() {
        EntitySchema words = loadWords();

        assertThatThrownBy(() -> ws().query(words).search(ENGLISH_TEXT, "the and of", 3).execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("search.text");
                    assertThat(e.rule()).isEqualTo("no_terms");
                }).hasMessageContaining("english").hasMessageContaining("stop words");
        assertThat(ws().query(words).search(PLAIN_TEXT, "the and of", 3).execute().ids())
                .as("the same words are terms of a standard field").containsExactly("w04", "w01", "w02");
    }

    @Test
    default void givenAnalyzers_whenTheMetaSchemaIsRead_thenTextFieldRowsNameTheirAnalyzer() {
        loadWords();

        Map<String, Object> analyzers = new LinkedHashMap<>();
        ws().query(MetaSchema.class).where(Filter.eq("entity", WORDS).and(Filter.eq("kind", "field"))).execute()
                .rows().forEach(row -> analyzers.put((String) row.get("field"), row.get("analyzer")));

        assertThat(analyzers).containsEntry(ENGLISH_TEXT, "english").containsEntry(PLAIN_TEXT, "standard")
                .containsEntry("name", "standard").containsEntry(COUNT, null).containsEntry("object_id", null);
    }

    @Test
    default void givenAnEnglishDescField_whenTheCatalogIsMatched_thenTheCatalogKeepsTheStandardRule() {
        EntitySchema.Builder builder = EntitySchema.builder("conf-notes");
        addField(builder, "desc", "MediumText", ConformanceEntity.SUMMARY, "english");
        EntitySchema notes = ws().register(builder.build());
        ws().upsertMany(notes, List.of(row("n1", "name", "first", "desc", "Agents and reports"),
                row("n2", "name", "second", "desc", "one agent")));

        List<String> agents = new ArrayList<>(new TreeSet<>(ws().query(Catalog.class)
                .where(Filter.match("desc", "agents")).select("target_id").execute().rows().stream()
                .map(row -> (String) row.get("target_id")).toList()));
        List<String> agent = new ArrayList<>(new TreeSet<>(ws().query(Catalog.class)
                .where(Filter.match("desc", "agent")).select("target_id").execute().rows().stream()
                .map(row -> (String) row.get("target_id")).toList()));

        assertThat(agents).containsExactly("n1");
        assertThat(agent).containsExactly("n2");
        assertThat(new TreeSet<>(ws().query(notes).where(Filter.match("desc", "agent")).execute().ids()))
                .as("the entity's own match is english").containsExactly("n1", "n2");
    }

    @Test
    default void givenAChangedAnalyzer_whenRegisteredAgainWithMigrate_thenRowsAreKeptAndMatchUsesTheNewOne() {
        loadWords();

        assertThatThrownBy(() -> ws().register(wordsSchema(null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining(ENGLISH_TEXT).hasMessageContaining("analyzer=english");
        EntitySchema migrated = ws().register(wordsSchema(null), RegisterOption.MIGRATE);

        assertThat(ws().count(migrated)).isEqualTo(texts().size());
        assertThat(ws().get(migrated, "w02").orElseThrow().getString(ENGLISH_TEXT)).isEqualTo("The agent's report");
        assertThat(matching(migrated, ENGLISH_TEXT, "agents")).as("standard now: no stemming")
                .containsExactly("w01");
        assertThat(matching(migrated, ENGLISH_TEXT, "the")).containsExactly("w01", "w02", "w04");
    }

    @Test
    default void givenAStoredEnglishField_whenRestartedWithTheStandardAnalyzer_thenSchemaDriftNamesBothAnalyzers() {
        assumeTrue(currentLayout().persistent(), "stores of this layout live only as long as the workspace");
        loadWords();

        Workspace reopened = reopen();

        assertThatThrownBy(() -> reopened.register(wordsSchema("standard"))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).rule()).isEqualTo("schema_drift"))
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(ENGLISH_TEXT))
                .hasMessageContaining("field 'body' is stored with analyzer english but is now declared with analyzer"
                        + " standard")
                .hasMessageContaining("RegisterOption.MIGRATE");
        EntitySchema again = reopened.register(wordsSchema("english"));
        assertThat(new TreeSet<>(reopened.query(again).where(Filter.match(ENGLISH_TEXT, "agent")).execute().ids()))
                .containsExactly("w01", "w02", "w05");
    }
}
