package io.heavenbase.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Field;
import io.heavenbase.HeavenBase;
import io.heavenbase.HeavenEntity;
import io.heavenbase.TextAnalyzer;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.query.TextAnalyzers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The per-field analyzer setting: its three forms, its default, and the input it rejects. */
class AnalyzerSettingTest {

    @HeavenEntity("doc")
    record Doc(@Field(value = "LongText", analyzer = "english") String body,
            @Field(value = "ShortText", analyzer = "standard") String title,
            @Field("MediumText") String summary) {
    }

    @HeavenEntity("bad-doc")
    record UnknownAnalyzer(@Field(value = "LongText", analyzer = "klingon") String body) {
    }

    @HeavenEntity("bad-doc")
    record NumberWithAnalyzer(@Field(value = "Integer", analyzer = "english") Long rank) {
    }

    private static EntitySchema built() {
        return EntitySchema.builder("doc")
                .field("body", "LongText", field -> field.analyzer("english"))
                .field("title", "ShortText", field -> field.analyzer(TextAnalyzer.STANDARD))
                .field("summary", "MediumText")
                .build();
    }

    private static Map<String, Object> mapped() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("body", Map.of("type", "LongText", "analyzer", "english"));
        fields.put("title", Map.of("type", "ShortText", "analyzer", "standard"));
        fields.put("summary", "MediumText");
        return Map.of("name", "doc", "fields", fields);
    }

    @Nested
    class ThreeForms {

        @Test
        void givenTheSameAnalyzersInEachForm_whenCompiled_thenTheSchemasAreEqual() {
            assertThat(EntitySchema.fromClass(Doc.class)).isEqualTo(built());
            assertThat(EntitySchema.fromMap(mapped())).isEqualTo(built());
            assertThat(EntitySchema.fromMap(built().toMap())).isEqualTo(built());
        }

        @Test
        void givenEachForm_whenReadBack_thenTheAnalyzerIsSetOrStandard() {
            EntitySchema schema = EntitySchema.fromMap(mapped());

            assertThat(schema.field("body").analyzer()).isEqualTo(TextAnalyzer.ENGLISH);
            assertThat(schema.field("title").analyzer()).isEqualTo(TextAnalyzer.STANDARD);
            assertThat(schema.field("summary").analyzer()).isEqualTo(TextAnalyzer.STANDARD);
            assertThat(TextAnalyzers.nameOf(schema.field("body"))).isEqualTo("english");
            assertThat(TextAnalyzers.nameOf(schema.field("summary"))).isEqualTo("standard");
        }

        @Test
        void givenAMapForm_whenWritten_thenOnlyNonDefaultAnalyzersAppear() {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) built().toMap().get("fields");

            assertThat(fields.get("body")).containsEntry("analyzer", "english");
            assertThat(fields.get("title")).doesNotContainKey("analyzer");
            assertThat(fields.get("summary")).doesNotContainKey("analyzer");
        }

        @Test
        void givenOnlyTheAnalyzerDiffers_whenCompared_thenTheSchemasDifferAndSayHow() {
            EntitySchema english = EntitySchema.builder("doc").field("body", "LongText", f -> f.analyzer("english"))
                    .build();
            EntitySchema standard = EntitySchema.builder("doc").field("body", "LongText").build();

            assertThat(english).isNotEqualTo(standard);
            assertThat(english.field("body").toString()).contains("analyzer=english");
            assertThat(standard.field("body").toString()).doesNotContain("analyzer");
        }
    }

    @Nested
    class BadInput {

        @Test
        void givenAnUnknownAnalyzer_whenBuilt_thenEachFormRejectsItNamingThePathAndTheKnownOnes() {
            assertThatThrownBy(() -> EntitySchema.builder("bad-doc").field("body", "LongText",
                    f -> f.analyzer("English")).build())
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.rule()).isEqualTo("analyzer");
                        assertThat(e.field()).isEqualTo("body");
                    }).hasMessageContaining("fields.body.analyzer").hasMessageContaining("'English'")
                    .hasMessageContaining("standard, english");
            assertThatThrownBy(() -> EntitySchema.fromMap(Map.of("name", "bad-doc", "fields",
                    Map.of("body", Map.of("type", "LongText", "analyzer", "porter")))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("fields.body.analyzer")
                    .hasMessageContaining("'porter'");
            assertThatThrownBy(() -> EntitySchema.fromClass(UnknownAnalyzer.class))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("'klingon'");
        }

        @Test
        void givenAnAnalyzerOnANonTextField_whenBuilt_thenEachFormRejectsItNamingTheField() {
            for (String dtype : List.of("Integer", "Identifier", "Categorical[a,b]", "Array[ShortText]", "Json")) {
                assertThatThrownBy(() -> EntitySchema.builder("bad-doc").field("rank", dtype,
                        f -> f.analyzer("standard")).build()).as(dtype)
                        .isInstanceOfSatisfying(ValidationException.class,
                                e -> assertThat(e.rule()).isEqualTo("analyzer"))
                        .hasMessageContaining("fields.rank.analyzer").hasMessageContaining("cannot have an analyzer");
            }
            assertThatThrownBy(() -> EntitySchema.fromMap(Map.of("name", "bad-doc", "fields",
                    Map.of("rank", Map.of("type", "Integer", "analyzer", "english")))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("fields.rank.analyzer");
            assertThatThrownBy(() -> EntitySchema.fromClass(NumberWithAnalyzer.class))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("'rank'");
        }

        @Test
        void givenANonStringAnalyzerInTheMapForm_whenParsed_thenRejectedNamingTheKey() {
            assertThatThrownBy(() -> EntitySchema.fromMap(Map.of("name", "doc", "fields",
                    Map.of("body", Map.of("type", "LongText", "analyzer", true)))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("fields.body.analyzer");
        }

        @Test
        void givenAnEntityRegisteredWithAnotherAnalyzer_whenRegisteredAgain_thenTheDifferenceIsNamed() {
            try (Workspace ws = HeavenBase.open("analyzer-setting", Map.of("main", Map.of("type", "inmem")))) {
                ws.register(EntitySchema.builder("doc").field("body", "LongText").build());

                assertThatThrownBy(() -> ws.register(EntitySchema.builder("doc")
                        .field("body", "LongText", f -> f.analyzer("english")).build()))
                        .isInstanceOf(ValidationException.class).hasMessageContaining("body")
                        .hasMessageContaining("analyzer=english");
            }
        }
    }
}
