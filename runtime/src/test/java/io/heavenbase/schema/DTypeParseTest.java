package io.heavenbase.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DTypeParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"Identifier", "Identifier[author]", "ShortText", "MediumText", "LongText",
        "LongText(max_chars=100)", "Integer", "Float", "Boolean", "Categorical[a,b,c]", "Timestamp", "Date",
        "Array[ShortText]", "Array[Integer]", "Array[Categorical[x,y]]", "Array[Identifier[author]]", "Vector[3]",
        "Json", "HyperG", "HyperG[target:Identifier[term],rel:ShortText]", "Artifact"})
    void canonicalSpellingRoundTripsThroughParse(String spelling) {
        DType type = DType.parse(spelling);

        assertThat(type.toString()).isEqualTo(spelling);
        assertThat(DType.parse(type.toString())).isEqualTo(type);
    }

    @Test
    void constantsAreInitialisedWithTheirKinds() {
        assertThat(DType.IDENTIFIER.kind()).isEqualTo(DType.Kind.IDENTIFIER);
        assertThat(DType.SHORT_TEXT.kind()).isEqualTo(DType.Kind.SHORT_TEXT);
        assertThat(DType.MEDIUM_TEXT.kind()).isEqualTo(DType.Kind.MEDIUM_TEXT);
        assertThat(DType.LONG_TEXT.kind()).isEqualTo(DType.Kind.LONG_TEXT);
        assertThat(DType.INTEGER.kind()).isEqualTo(DType.Kind.INTEGER);
        assertThat(DType.FLOAT.kind()).isEqualTo(DType.Kind.FLOAT);
        assertThat(DType.BOOLEAN.kind()).isEqualTo(DType.Kind.BOOLEAN);
        assertThat(DType.TIMESTAMP.kind()).isEqualTo(DType.Kind.TIMESTAMP);
        assertThat(DType.DATE.kind()).isEqualTo(DType.Kind.DATE);
        assertThat(DType.ARRAY.element()).isEqualTo(DType.SHORT_TEXT);
        assertThat(DType.JSON.kind()).isEqualTo(DType.Kind.JSON);
        assertThat(DType.HYPERG.columns()).containsOnlyKeys("slot", "value", "topic");
        assertThat(DType.ARTIFACT.kind()).isEqualTo(DType.Kind.ARTIFACT);
    }

    @Test
    void textKindsCarryTheirDefaultMaximumLengths() {
        assertThat(DType.IDENTIFIER.maxChars()).isEqualTo(63);
        assertThat(DType.SHORT_TEXT.maxChars()).isEqualTo(255);
        assertThat(DType.MEDIUM_TEXT.maxChars()).isEqualTo(4095);
        assertThat(DType.LONG_TEXT.maxChars()).isEqualTo(65535);
        assertThat(DType.INTEGER.maxChars()).isEqualTo(-1);
    }

    @Test
    void longTextTakesMaxChars() {
        DType type = DType.parse("LongText(max_chars=1000000000)");

        assertThat(type.maxChars()).isEqualTo(1_000_000_000);
        assertThat(type).isEqualTo(DType.longText(1_000_000_000));
    }

    @Test
    void longTextWithTheDefaultMaximumEqualsBareLongText() {
        assertThat(DType.parse("LongText(max_chars=65535)")).isEqualTo(DType.LONG_TEXT);
    }

    @Test
    void timestampWithMillisecondUnitIsTheSameType() {
        assertThat(DType.parse("Timestamp(unit=ms)")).isEqualTo(DType.TIMESTAMP);
        assertThat(DType.parse("Timestamp(unit=\"ms\")")).isEqualTo(DType.TIMESTAMP);
    }

    @Test
    void timestampRejectsOtherUnits() {
        assertThatThrownBy(() -> DType.parse("Timestamp(unit=ns)"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unit=ms");
    }

    @Test
    void bareArrayIsAnArrayOfShortText() {
        assertThat(DType.parse("Array")).isEqualTo(DType.parse("Array[ShortText]"));
        assertThat(DType.parse("Array").element()).isEqualTo(DType.SHORT_TEXT);
    }

    @Test
    void arrayFactoryEqualsParsedSpelling() {
        assertThat(DType.array(DType.INTEGER)).isEqualTo(DType.parse("Array[Integer]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Array[Array[Integer]]", "Array[Vector[3]]", "Array[Json]", "Array[HyperG]",
        "Array[Artifact]"})
    void arrayRejectsNonScalarElements(String spelling) {
        assertThatThrownBy(() -> DType.parse(spelling))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("scalar");
    }

    @Test
    void identifierReferenceNamesTheEntity() {
        DType type = DType.parse("Identifier[order-line]");

        assertThat(type.kind()).isEqualTo(DType.Kind.IDENTIFIER);
        assertThat(type.reference()).isEqualTo("order-line");
        assertThat(type).isEqualTo(DType.reference("order-line")).isNotEqualTo(DType.IDENTIFIER);
    }

    @Test
    void quotedParametersOfThePythonSpellingAreAccepted() {
        assertThat(DType.parse("Identifier[\"author\"]")).isEqualTo(DType.reference("author"));
        assertThat(DType.parse("HyperG[\"target\": Identifier[\"term\"], 'rel': ShortText]"))
                .isEqualTo(DType.parse("HyperG[target:Identifier[term],rel:ShortText]"));
    }

    @Test
    void identifierReferenceMustBeAValidEntityId() {
        assertThatThrownBy(() -> DType.parse("Identifier[Bad Name]"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Identifier[Bad Name]");
    }

    @Test
    void categoricalKeepsDeclaredOrder() {
        DType type = DType.parse("Categorical[draft, published, archived]");

        assertThat(type.categories()).containsExactly("draft", "published", "archived");
        assertThat(type.toString()).isEqualTo("Categorical[draft,published,archived]");
        assertThat(type).isEqualTo(DType.categorical("draft", "published", "archived"));
    }

    @Test
    void categoricalValuesWithSeparatorsRoundTripQuoted() {
        DType type = DType.categorical("a,b", "c]", "say \"hi\"");

        assertThat(DType.parse(type.toString()).categories()).containsExactly("a,b", "c]", "say \"hi\"");
    }

    @Test
    void categoricalOrderMattersForEquality() {
        assertThat(DType.parse("Categorical[a,b]")).isNotEqualTo(DType.parse("Categorical[b,a]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Categorical", "Categorical[]", "Categorical[a,a]", "Categorical[a,,b]"})
    void categoricalRejectsMissingEmptyOrDuplicateValues(String spelling) {
        assertThatThrownBy(() -> DType.parse(spelling)).isInstanceOf(ValidationException.class);
    }

    @Test
    void vectorCarriesItsDimension() {
        assertThat(DType.parse("Vector[384]").dimension()).isEqualTo(384);
        assertThat(DType.vector(2)).isEqualTo(DType.parse("Vector[2]"));
        assertThat(DType.parse("Vector[2]")).isNotEqualTo(DType.parse("Vector[3]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vector", "Vector[0]", "Vector[-1]", "Vector[65537]", "Vector[x]", "Vector[2,3]"})
    void vectorRejectsAMissingOrOutOfRangeDimension(String spelling) {
        assertThatThrownBy(() -> DType.parse(spelling))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Vector");
    }

    @Test
    void vectorAcceptsTheLargestDimension() {
        assertThat(DType.parse("Vector[65536]").dimension()).isEqualTo(65536);
    }

    @Test
    void hyperGWithDefaultColumnsIsSpelledBare() {
        DType explicit = DType.parse("HyperG[slot:ShortText,value:ShortText,topic:ShortText]");

        assertThat(explicit).isEqualTo(DType.HYPERG);
        assertThat(explicit.toString()).isEqualTo("HyperG");
    }

    @Test
    void hyperGKeepsColumnOrderAndTypes() {
        DType type = DType.parse("HyperG[target:Identifier[term], weight:Float]");

        assertThat(type.columns()).containsExactly(Map.entry("target", DType.reference("term")),
                Map.entry("weight", DType.FLOAT));
    }

    @Test
    void hyperGFactoryEqualsParsedSpelling() {
        Map<String, DType> columns = new LinkedHashMap<>();
        columns.put("a", DType.INTEGER);
        columns.put("b", DType.DATE);

        assertThat(DType.hyperG(columns)).isEqualTo(DType.parse("HyperG[a:Integer,b:Date]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HyperG[]", "HyperG[a]", "HyperG[a:Json]", "HyperG[a:Integer,a:Float]",
        "HyperG[bad-name:Integer]"})
    void hyperGRejectsInvalidColumns(String spelling) {
        assertThatThrownBy(() -> DType.parse(spelling)).isInstanceOf(ValidationException.class);
    }

    @Test
    void whitespaceIsTolerated() {
        assertThat(DType.parse("  Array [ Categorical [ a , b ] ] ")).isEqualTo(DType.parse("Array[Categorical[a,b]]"));
        assertThat(DType.parse(" LongText ( max_chars = 10 ) ")).isEqualTo(DType.longText(10));
        assertThat(DType.parse("Vector[ 3 ]")).isEqualTo(DType.vector(3));
    }

    @Test
    void unknownTypeIsRejectedNamingTheSpellingAndTheRule() {
        assertThatThrownBy(() -> DType.parse("Strng"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).isEqualTo("dtype"))
                .hasMessageContaining("Strng")
                .hasMessageContaining("ShortText");
    }

    @Test
    void wrongCaseSuggestsTheRightSpelling() {
        assertThatThrownBy(() -> DType.parse("shorttext")).hasMessageContaining("did you mean ShortText");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Vector[3", "Vector[3]]", "Array[Integer)", "ShortText[3]", "Integer(x=1)",
        "LongText(max_chars=0)", "LongText(size=3)", "Json x"})
    void malformedSpellingsAreRejected(String spelling) {
        assertThatThrownBy(() -> DType.parse(spelling)).isInstanceOf(ValidationException.class);
    }

    @Test
    void nullSpellingIsRejected() {
        assertThatThrownBy(() -> DType.parse(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void equalTypesHaveEqualHashCodes() {
        assertThat(DType.parse("Array").hashCode()).isEqualTo(DType.parse("Array[ShortText]").hashCode());
    }

    @Test
    void kindsOutsideParametersHaveEmptyParameterAccessors() {
        assertThat(DType.INTEGER.categories()).isEqualTo(List.of());
        assertThat(DType.INTEGER.columns()).isEmpty();
        assertThat(DType.INTEGER.element()).isNull();
        assertThat(DType.INTEGER.dimension()).isEqualTo(-1);
        assertThat(DType.INTEGER.reference()).isNull();
    }
}
