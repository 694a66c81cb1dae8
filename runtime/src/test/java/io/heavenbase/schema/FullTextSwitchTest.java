package io.heavenbase.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Field;
import io.heavenbase.FullText;
import io.heavenbase.HeavenBase;
import io.heavenbase.HeavenEntity;
import io.heavenbase.MetaSchema;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.backend.inmem.InMemProvider;
import io.heavenbase.backend.sql.duckdb.DuckdbDialect;
import io.heavenbase.backend.sql.mysql.MysqlDialect;
import io.heavenbase.backend.sql.sqlite.SqliteDialect;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.routing.PlacementRules;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.spi.StoredField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The per-field full-text switch: its three forms, its defaults, where it reaches and what it changes. */
class FullTextSwitchTest {

    @HeavenEntity("note")
    record Note(@Field(value = "ShortText", fullText = FullText.ON) String title,
            @Field("MediumText") String summary,
            @Field(value = "LongText", fullText = FullText.OFF) String body,
            @Field("LongText") String notes) {
    }

    @HeavenEntity("bad-note")
    record BadNote(@Field(value = "Integer", fullText = FullText.ON) Long rank) {
    }

    private static EntitySchema built() {
        return EntitySchema.builder("note")
                .field("title", "ShortText", field -> field.fullText(true))
                .field("summary", "MediumText")
                .field("body", "LongText", field -> field.fullText(false))
                .field("notes", "LongText")
                .build();
    }

    private static Map<String, Object> mapped() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", Map.of("type", "ShortText", "full_text", true));
        fields.put("summary", "MediumText");
        fields.put("body", Map.of("type", "LongText", "full_text", false));
        fields.put("notes", Map.of("type", "LongText"));
        return Map.of("name", "note", "fields", fields);
    }

    @Nested
    class ThreeForms {

        @Test
        void givenTheSameSwitchesInEachForm_whenCompiled_thenTheSchemasAreEqual() {
            EntitySchema annotated = EntitySchema.fromClass(Note.class);

            assertThat(annotated).isEqualTo(built());
            assertThat(EntitySchema.fromMap(mapped())).isEqualTo(built());
            assertThat(EntitySchema.fromMap(built().toMap())).isEqualTo(built());
        }

        @Test
        void givenExplicitAndDefaultSwitches_whenWrittenAsMap_thenOnlyTheExplicitOnesAppear() {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) built().toMap().get("fields");

            assertThat(fields.get("title")).containsEntry("full_text", true);
            assertThat(fields.get("body")).containsEntry("full_text", false);
            assertThat(fields.get("summary")).doesNotContainKey("full_text");
            assertThat(fields.get("notes")).doesNotContainKey("full_text");
        }

        @Test
        void givenEachForm_whenReadBack_thenTheSwitchesResolveByTypeUnlessSet() {
            EntitySchema schema = EntitySchema.fromClass(Note.class);

            assertThat(schema.field("title").fullText()).isTrue();
            assertThat(schema.field("summary").fullText()).isFalse();
            assertThat(schema.field("body").fullText()).isFalse();
            assertThat(schema.field("notes").fullText()).isTrue();
            assertThat(schema.field("notes").fullTextSetting()).isEqualTo(FullText.DEFAULT);
        }

        @Test
        void givenOnlyTheSwitchDiffers_whenCompared_thenTheSchemasDiffer() {
            EntitySchema explicitOn = EntitySchema.builder("note").field("notes", "LongText", f -> f.fullText(true))
                    .build();
            EntitySchema byDefault = EntitySchema.builder("note").field("notes", "LongText").build();

            assertThat(explicitOn).isNotEqualTo(byDefault);
            assertThat(explicitOn.field("notes").toString()).contains("full_text=true");
        }
    }

    @Nested
    class Defaults {

        @Test
        void givenEveryTextKind_whenNotSwitched_thenOnlyLongTextIsIndexed() {
            EntitySchema schema = EntitySchema.builder("kinds").field("s", "ShortText").field("m", "MediumText")
                    .field("l", "LongText").field("i", "Identifier").field("c", "Categorical[a,b]")
                    .field("a", "Array[ShortText]").build();

            assertThat(schema.field("l").fullText()).isTrue();
            for (String name : List.of("s", "m", "i", "c", "a")) {
                assertThat(schema.field(name).fullText()).as(name).isFalse();
            }
            assertThat(new StoredField("l", DType.LONG_TEXT, Strategy.INLINE_COLUMN).fullText()).isTrue();
            assertThat(new StoredField("s", DType.SHORT_TEXT, Strategy.INLINE_COLUMN).fullText()).isFalse();
        }
    }

    @Nested
    class BadInput {

        @Test
        void givenSwitchOnForANonTextField_whenBuilt_thenEachFormRejectsItNamingTheField() {
            assertThatThrownBy(() -> EntitySchema.builder("bad-note").field("rank", "Integer", f -> f.fullText(true))
                    .build()).isInstanceOf(ValidationException.class).hasMessageContaining("'rank'")
                    .hasMessageContaining("full-text").extracting(e -> ((ValidationException) e).rule())
                    .isEqualTo("full_text");
            assertThatThrownBy(() -> EntitySchema.fromMap(Map.of("name", "bad-note", "fields",
                    Map.of("rank", Map.of("type", "Integer", "full_text", true)))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("'rank'");
            assertThatThrownBy(() -> EntitySchema.fromClass(BadNote.class)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("'rank'");
        }

        @Test
        void givenSwitchOffForANonTextField_whenBuilt_thenItIsAcceptedAndStaysOff() {
            EntitySchema schema = EntitySchema.builder("note").field("rank", "Integer", f -> f.fullText(false)).build();

            assertThat(schema.field("rank").fullText()).isFalse();
        }

        @Test
        void givenANonBooleanSwitchInTheMapForm_whenParsed_thenRejectedNamingTheKey() {
            assertThatThrownBy(() -> EntitySchema.fromMap(Map.of("name", "note", "fields",
                    Map.of("title", Map.of("type", "ShortText", "full_text", "yes")))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("fields.title.full_text");
        }

        @Test
        void givenAnEntityRegisteredWithOtherSwitches_whenRegisteredAgain_thenTheDifferenceIsNamed() {
            try (Workspace ws = HeavenBase.open("fts-switch", Map.of("main", Map.of("type", "inmem")))) {
                ws.register(EntitySchema.builder("note").field("title", "ShortText").build());

                assertThatThrownBy(() -> ws.register(EntitySchema.builder("note")
                        .field("title", "ShortText", f -> f.fullText(true)).build()))
                        .isInstanceOf(ValidationException.class).hasMessageContaining("title")
                        .hasMessageContaining("full_text=true");
            }
        }
    }

    @Nested
    class Placement {

        private final EntitySchema article = EntitySchema.builder("article")
                .field("title", "ShortText")
                .field("body", "LongText")
                .field("abstract", "LongText", f -> f.fullText(true))
                .field("notes", "LongText", f -> f.fullText(false))
                .build();

        @Test
        void givenALoneSqlBackend_whenPlanned_thenTheSwitchReachesTheStoredFields() {
            StoragePlan plan = rules(Map.of("main", SqliteDialect.CAPABILITIES)).plan(article);

            assertThat(stored(plan, "main", "title").fullText()).isFalse();
            assertThat(stored(plan, "main", "body").fullText()).isTrue();
            assertThat(stored(plan, "main", "abstract").fullText()).isTrue();
            assertThat(stored(plan, "main", "notes").fullText()).isFalse();
        }

        @Test
        void givenASearchBackend_whenPlanned_thenADefaultLongTextIsIndexedOnlyOnItsSearchCopy() {
            Map<String, CapabilityTable> backends = new LinkedHashMap<>();
            backends.put("main", SqliteDialect.CAPABILITIES);
            backends.put("search", new InMemProvider().capabilities());
            StoragePlan plan = rules(backends).plan(article);

            assertThat(plan.placements("body")).extracting(p -> p.backend()).containsExactly("main", "search");
            assertThat(stored(plan, "main", "body").fullText()).as("main stays a row store").isFalse();
            assertThat(stored(plan, "search", "body").fullText()).isTrue();
            assertThat(stored(plan, "main", "abstract").fullText()).as("switched on explicitly").isTrue();
            assertThat(plan.placements("notes")).extracting(p -> p.backend()).containsExactly("main", "search");
            assertThat(stored(plan, "main", "notes").fullText()).isFalse();
            assertThat(stored(plan, "search", "notes").fullText()).isFalse();
        }

        @Test
        void givenAWorkspace_whenItsMetaSchemaIsRead_thenTextFieldRowsCarryTheirSwitch() {
            try (Workspace ws = HeavenBase.open("fts-meta", Map.of("main", Map.of("type", "sqlite", "database",
                    ":memory:")))) {
                ws.register(article);

                Map<String, Object> switches = new LinkedHashMap<>();
                ws.query(MetaSchema.class).where(io.heavenbase.Filter.eq("entity", "article")
                        .and(io.heavenbase.Filter.eq("kind", "field"))).execute().rows()
                        .forEach(row -> switches.put((String) row.get("field"), row.get("full_text")));

                assertThat(switches).containsEntry("title", false).containsEntry("body", true)
                        .containsEntry("abstract", true).containsEntry("notes", false).containsEntry("object_id", null);
            }
        }

        private PlacementRules rules(Map<String, CapabilityTable> tables) {
            Map<String, PlacementRules.Target> targets = new LinkedHashMap<>();
            tables.forEach((name, table) -> targets.put(name, new PlacementRules.Target(name, table)));
            return new PlacementRules(targets);
        }

        private StoredField stored(StoragePlan plan, String backend, String field) {
            return plan.part(backend).field(field);
        }
    }

    @Nested
    class Capabilities {

        @Test
        void givenEachSqlDialect_whenAskedForMatchWithAndWithoutIndex_thenNativeOrFallbackAsItRunsIt() {
            for (CapabilityTable table : List.of(SqliteDialect.CAPABILITIES, MysqlDialect.CAPABILITIES,
                    DuckdbDialect.CAPABILITIES)) {
                assertThat(table.mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH, true))
                        .contains(ExecutionMode.NATIVE);
                assertThat(table.usesFullTextIndex(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH, true)).isTrue();
                assertThat(table.usesFullTextIndex(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH, false))
                        .isFalse();
            }
            assertThat(SqliteDialect.CAPABILITIES.mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH, false))
                    .as("sqlite scans with hb_match").contains(ExecutionMode.NATIVE);
            assertThat(MysqlDialect.CAPABILITIES.mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH, false))
                    .contains(ExecutionMode.FALLBACK);
            assertThat(DuckdbDialect.CAPABILITIES.mode(DType.MEDIUM_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH, false))
                    .contains(ExecutionMode.FALLBACK);
        }

        @Test
        void givenTheTypeDefault_whenAskedWithoutIndexState_thenLongTextIsIndexedAndShortTextIsNot() {
            assertThat(MysqlDialect.CAPABILITIES.mode(DType.LONG_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH))
                    .contains(ExecutionMode.NATIVE);
            assertThat(MysqlDialect.CAPABILITIES.mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH))
                    .contains(ExecutionMode.FALLBACK);
            assertThat(MysqlDialect.CAPABILITIES.mode(DType.INTEGER, Strategy.INLINE_COLUMN, Ops.MATCH, true))
                    .as("match does not apply").isEmpty();
        }

        @Test
        void givenAWorkspace_whenAskedPerIndexState_thenItsCapabilitiesAnswerLikeTheTable() {
            try (Workspace ws = HeavenBase.open("fts-caps", Map.of("main", Map.of("type", "duckdb", "database",
                    ":memory:")))) {
                assertThat(ws.capabilities().mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH, "main", true))
                        .contains(ExecutionMode.NATIVE);
                assertThat(ws.capabilities().mode(DType.SHORT_TEXT, Strategy.INLINE_COLUMN, Ops.MATCH, "main", false))
                        .contains(ExecutionMode.FALLBACK);
            }
        }
    }
}
