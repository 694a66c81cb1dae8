package io.heavenbase.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DTypeNormalizeTest {

    private static Object normalize(String dtype, Object value) {
        return DType.parse(dtype).normalize(value, "article", "f");
    }

    private static ThrowableAssertAlternative<ValidationException> rejects(String dtype, Object value, String rule) {
        return org.assertj.core.api.Assertions.assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> normalize(dtype, value))
                .satisfies(e -> {
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.entity()).isEqualTo("article");
                    assertThat(e.field()).isEqualTo("f");
                });
    }

    @Test
    void nullStaysNullForEveryType() {
        for (String dtype : List.of("Identifier", "ShortText", "Integer", "Float", "Boolean", "Categorical[a]",
                "Timestamp", "Date", "Array", "Vector[2]", "Json", "HyperG", "Artifact")) {
            assertThat(normalize(dtype, null)).as(dtype).isNull();
        }
    }

    @Nested
    class Text {

        @Test
        void acceptsAStringWithinTheLimit() {
            assertThat(normalize("ShortText", "hello")).isEqualTo("hello");
        }

        @Test
        void acceptsExactlyTheMaximumLength() {
            assertThat(normalize("ShortText", "x".repeat(255))).isEqualTo("x".repeat(255));
        }

        @Test
        void rejectsOverLongTextNamingEntityFieldLimitAndLength() {
            rejects("ShortText", "x".repeat(300), "max_chars")
                    .withMessageContaining("entity 'article' field 'f'")
                    .withMessageContaining("ShortText allows at most 255 chars, got 300")
                    .withMessageContaining("xxx...");
        }

        @Test
        void mediumAndLongTextHaveTheirOwnLimits() {
            assertThat(normalize("MediumText", "x".repeat(4095))).isNotNull();
            rejects("MediumText", "x".repeat(4096), "max_chars");
            assertThat(normalize("LongText", "x".repeat(65535))).isNotNull();
            rejects("LongText", "x".repeat(65536), "max_chars");
            rejects("LongText(max_chars=3)", "abcd", "max_chars");
        }

        @Test
        void countsCodePointsNotUtf16Units() {
            String emoji = "\uD83D\uDE00";

            assertThat(normalize("LongText(max_chars=2)", emoji + emoji)).isEqualTo(emoji + emoji);
            rejects("LongText(max_chars=2)", emoji + emoji + emoji, "max_chars");
        }

        @Test
        void rejectsNonStringsWithoutCoercion() {
            rejects("ShortText", 42, "type").withMessageContaining("expects a String");
            rejects("ShortText", new StringBuilder("sb"), "type");
        }

        @Test
        void rejectsTheNulCharacter() {
            rejects("ShortText", "a\u0000b", "nul_char");
        }

        @Test
        void rejectsAnUnpairedSurrogate() {
            rejects("ShortText", "a\uD83Db", "unicode");
        }
    }

    @Nested
    class Identifier {

        @Test
        void acceptsSixtyThreeChars() {
            assertThat(normalize("Identifier", "i".repeat(63))).isEqualTo("i".repeat(63));
        }

        @Test
        void rejectsSixtyFourChars() {
            rejects("Identifier", "i".repeat(64), "max_chars").withMessageContaining("at most 63");
        }

        @Test
        void rejectsTheEmptyString() {
            rejects("Identifier[author]", "", "non_empty");
        }

        @Test
        void rejectsNumbers() {
            rejects("Identifier", 7L, "type");
        }
    }

    @Nested
    class Integers {

        @Test
        void acceptsEveryIntegralBoxedTypeAsLong() {
            assertThat(normalize("Integer", 3)).isEqualTo(3L);
            assertThat(normalize("Integer", (short) 3)).isEqualTo(3L);
            assertThat(normalize("Integer", (byte) 3)).isEqualTo(3L);
            assertThat(normalize("Integer", Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
            assertThat(normalize("Integer", BigInteger.valueOf(-5))).isEqualTo(-5L);
            assertThat(normalize("Integer", new BigDecimal("12.000"))).isEqualTo(12L);
        }

        @Test
        void acceptsADoubleWithAnIntegralValue() {
            assertThat(normalize("Integer", 3.0)).isEqualTo(3L);
        }

        @Test
        void rejectsAFraction() {
            rejects("Integer", 3.5, "integral").withMessageContaining("3.5");
        }

        @Test
        void rejectsValuesBeyondSixtyFourBits() {
            rejects("Integer", BigInteger.ONE.shiftLeft(64), "integral");
            rejects("Integer", 1e19, "integral");
        }

        @Test
        void rejectsNonFiniteDoubles() {
            rejects("Integer", Double.NaN, "integral");
            rejects("Integer", Double.POSITIVE_INFINITY, "integral");
        }

        @Test
        void rejectsNumericStringsAndBooleans() {
            rejects("Integer", "3", "type");
            rejects("Integer", true, "type");
        }
    }

    @Nested
    class Floats {

        @Test
        void acceptsAnyNumberAsDouble() {
            assertThat(normalize("Float", 2)).isEqualTo(2.0);
            assertThat(normalize("Float", 1.5f)).isEqualTo(1.5);
            assertThat(normalize("Float", new BigDecimal("0.25"))).isEqualTo(0.25);
        }

        @Test
        void rejectsNaNAndInfinity() {
            rejects("Float", Double.NaN, "finite");
            rejects("Float", Double.NEGATIVE_INFINITY, "finite");
        }

        @Test
        void rejectsStrings() {
            rejects("Float", "1.5", "type");
        }
    }

    @Nested
    class Booleans {

        @Test
        void acceptsBoolean() {
            assertThat(normalize("Boolean", false)).isEqualTo(false);
        }

        @Test
        void rejectsStringsAndNumbers() {
            rejects("Boolean", "true", "type");
            rejects("Boolean", 1, "type");
        }
    }

    @Nested
    class Categoricals {

        @Test
        void acceptsAListedValue() {
            assertThat(normalize("Categorical[draft,published]", "published")).isEqualTo("published");
        }

        @Test
        void rejectsAnUnlistedValueNamingTheChoices() {
            rejects("Categorical[draft,published]", "Draft", "categorical")
                    .withMessageContaining("[draft, published]")
                    .withMessageContaining("'Draft'");
        }

        @Test
        void rejectsNonStrings() {
            rejects("Categorical[1,2]", 1, "type");
        }
    }

    @Nested
    class Timestamps {

        private final Instant expected = Instant.parse("2024-01-02T03:04:05.678Z");

        @Test
        void acceptsAnInstant() {
            assertThat(normalize("Timestamp", expected)).isEqualTo(expected);
        }

        @Test
        void acceptsIsoStringsWithZuluOrOffset() {
            assertThat(normalize("Timestamp", "2024-01-02T03:04:05.678Z")).isEqualTo(expected);
            assertThat(normalize("Timestamp", "2024-01-02T05:04:05.678+02:00")).isEqualTo(expected);
        }

        @Test
        void acceptsOffsetAndZonedDateTimes() {
            assertThat(normalize("Timestamp", OffsetDateTime.ofInstant(expected, ZoneOffset.ofHours(-3))))
                    .isEqualTo(expected);
            assertThat(normalize("Timestamp", ZonedDateTime.ofInstant(expected, ZoneId.of("Asia/Tokyo"))))
                    .isEqualTo(expected);
        }

        @Test
        void acceptsJavaUtilDate() {
            assertThat(normalize("Timestamp", Date.from(expected))).isEqualTo(expected);
        }

        @Test
        void acceptsSqlTimestampsAndSqlDates() {
            assertThat(normalize("Timestamp", java.sql.Timestamp.from(expected))).isEqualTo(expected);
            assertThat(normalize("Timestamp", new java.sql.Date(expected.toEpochMilli()))).isEqualTo(expected);
        }

        @Test
        void acceptsEpochMillis() {
            assertThat(normalize("Timestamp", expected.toEpochMilli())).isEqualTo(expected);
        }

        @Test
        void truncatesToMilliseconds() {
            assertThat(normalize("Timestamp", Instant.parse("2024-01-02T03:04:05.678999Z"))).isEqualTo(expected);
        }

        @Test
        void rejectsAStringWithoutOffset() {
            rejects("Timestamp", "2024-01-02T03:04:05", "timestamp_format");
        }

        @Test
        void rejectsFractionalMillis() {
            rejects("Timestamp", 1.5, "integral");
        }

        @Test
        void rejectsOtherTypes() {
            rejects("Timestamp", LocalDate.of(2024, 1, 2), "type");
        }
    }

    @Nested
    class Dates {

        @Test
        void acceptsLocalDateAndIsoString() {
            assertThat(normalize("Date", LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(normalize("Date", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        void acceptsSqlDate() {
            assertThat(normalize("Date", java.sql.Date.valueOf("2024-03-01"))).isEqualTo(LocalDate.of(2024, 3, 1));
        }

        @Test
        void rejectsAnImpossibleDate() {
            rejects("Date", "2023-02-29", "date_format");
        }

        @Test
        void rejectsOtherFormatsAndTypes() {
            rejects("Date", "02/29/2024", "date_format");
            rejects("Date", Instant.EPOCH, "type");
        }
    }

    @Nested
    class Arrays_ {

        @Test
        void acceptsAListAndNormalisesEachElement() {
            assertThat(normalize("Array[Integer]", List.of(1, 2.0, 3L))).isEqualTo(List.of(1L, 2L, 3L));
        }

        @Test
        void acceptsSetsAndJavaArrays() {
            assertThat(normalize("Array", new LinkedHashSet<>(List.of("a", "b")))).isEqualTo(List.of("a", "b"));
            assertThat(normalize("Array", new String[] {"a", "b"})).isEqualTo(List.of("a", "b"));
            assertThat(normalize("Array[Integer]", new int[] {4, 5})).isEqualTo(List.of(4L, 5L));
        }

        @Test
        void returnsAnUnmodifiableCopy() {
            List<String> input = new ArrayList<>(List.of("a"));
            @SuppressWarnings("unchecked")
            List<Object> result = (List<Object>) normalize("Array", input);
            input.add("b");

            assertThat(result).containsExactly("a");
            assertThatThrownBy(() -> result.add("c")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void rejectsNullElementsNamingTheIndex() {
            rejects("Array", Arrays.asList("a", null), "null_element").withMessageContaining("f[1]");
        }

        @Test
        void rejectsAnInvalidElementNamingTheIndex() {
            rejects("Array[ShortText]", List.of("ok", "x".repeat(256)), "max_chars").withMessageContaining("f[1]");
        }

        @Test
        void checksCategoricalElements() {
            rejects("Array[Categorical[a,b]]", List.of("a", "c"), "categorical");
        }

        @Test
        void rejectsAPlainString() {
            rejects("Array", "a,b", "type");
        }
    }

    @Nested
    class Vectors {

        @Test
        void acceptsFloatArrayAsACopy() {
            float[] input = {1f, 2f};
            float[] result = (float[]) normalize("Vector[2]", input);
            input[0] = 9f;

            assertThat(result).containsExactly(1f, 2f);
        }

        @Test
        void acceptsDoubleArrayAndNumberList() {
            assertThat((float[]) normalize("Vector[2]", new double[] {0.5, 1})).containsExactly(0.5f, 1f);
            assertThat((float[]) normalize("Vector[3]", List.of(1, 2L, 3.5))).containsExactly(1f, 2f, 3.5f);
        }

        @Test
        void rejectsTheWrongLength() {
            rejects("Vector[3]", new float[] {1f, 2f}, "dimension")
                    .withMessageContaining("exactly 3 values, got 2");
        }

        @Test
        void rejectsNaNAndInfinity() {
            rejects("Vector[2]", new float[] {1f, Float.NaN}, "finite").withMessageContaining("f[1]");
            rejects("Vector[2]", new double[] {Double.POSITIVE_INFINITY, 1}, "finite");
        }

        @Test
        void rejectsComponentsBeyondTheFloatRange() {
            rejects("Vector[1]", new double[] {1e300}, "finite");
        }

        @Test
        void rejectsNonNumericComponents() {
            rejects("Vector[2]", List.of(1, "2"), "type");
            rejects("Vector[2]", Arrays.asList(1, null), "type");
        }

        @Test
        void rejectsOtherTypes() {
            rejects("Vector[2]", "1,2", "type");
        }
    }

    @Nested
    class Json {

        @Test
        void deepCopiesMapsAndListsKeepingOrder() {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("z", 1);
            inner.put("a", List.of(true, "x", 1.5f));
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("inner", inner);
            input.put("none", null);

            Object result = normalize("Json", input);
            inner.put("added", 2);

            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("inner", Map.of("z", 1L, "a", List.of(true, "x", 1.5)));
            expected.put("none", null);
            assertThat(result).isEqualTo(expected);
            assertThat(new ArrayList<Object>(((Map<?, ?>) ((Map<?, ?>) result).get("inner")).keySet())).containsExactly("z", "a");
        }

        @Test
        void acceptsScalarsAtTheTopLevel() {
            assertThat(normalize("Json", "text")).isEqualTo("text");
            assertThat(normalize("Json", 7)).isEqualTo(7L);
            assertThat(normalize("Json", false)).isEqualTo(false);
        }

        @Test
        void acceptsJacksonTrees() throws Exception {
            Object tree = new ObjectMapper().readTree("{\"a\":[1,2.5]}");

            assertThat(normalize("Json", tree)).isEqualTo(Map.of("a", List.of(1L, 2.5)));
        }

        @Test
        void rejectsAJavaBeanNamingItsClass() {
            rejects("Json", Map.of("when", new Object()), "json_value").withMessageContaining("java.lang.Object")
                    .withMessageContaining("f.when");
        }

        @Test
        void rejectsNonStringKeys() {
            rejects("Json", Map.of(1, "one"), "json_key");
        }

        @Test
        void rejectsNonFiniteNumbers() {
            rejects("Json", List.of(Double.NaN), "finite");
        }

        @Test
        void rejectsCyclesThroughTheDepthLimit() {
            List<Object> cycle = new ArrayList<>();
            cycle.add(cycle);

            rejects("Json", cycle, "json_depth");
        }
    }

    @Nested
    class HyperG {

        @Test
        void acceptsMapsFillingAbsentColumnsWithNull() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("slot", "colour");
            item.put("value", "red");

            Object result = normalize("HyperG", List.of(item));

            Map<String, Object> expected = new LinkedHashMap<>(item);
            expected.put("topic", null);
            assertThat(result).isEqualTo(List.of(expected));
        }

        @Test
        void acceptsPositionalTriples() {
            Object result = normalize("HyperG", List.of(List.of("colour", "red", "car"), new String[] {"a", "b", "c"}));

            assertThat(result).isEqualTo(List.of(Map.of("slot", "colour", "value", "red", "topic", "car"),
                    Map.of("slot", "a", "value", "b", "topic", "c")));
        }

        @Test
        void normalisesEachColumnWithItsType() {
            Object result = normalize("HyperG[target:Identifier[term],weight:Float]",
                    List.of(Map.of("target", "t1", "weight", 1)));

            assertThat(result).isEqualTo(List.of(Map.of("target", "t1", "weight", 1.0)));
        }

        @Test
        void rejectsUnknownColumns() {
            rejects("HyperG", List.of(Map.of("colour", "red")), "hyperg_column")
                    .withMessageContaining("colour")
                    .withMessageContaining("[slot, value, topic]");
        }

        @Test
        void rejectsAPositionalItemOfTheWrongArity() {
            rejects("HyperG", List.of(List.of("a", "b")), "hyperg_arity");
        }

        @Test
        void rejectsAnInvalidColumnValueNamingItsPath() {
            rejects("HyperG[weight:Float]", List.of(Map.of("weight", "heavy")), "type")
                    .withMessageContaining("f[0].weight");
        }

        @Test
        void rejectsNonListsAndNullItems() {
            rejects("HyperG", Map.of("slot", "a"), "type");
            rejects("HyperG", Arrays.asList((Object) null), "type");
        }
    }

    @Nested
    class Artifacts {

        @Test
        void acceptsBytesAsACopy() {
            byte[] input = {1, 2, 3};
            byte[] result = (byte[]) normalize("Artifact", input);
            input[0] = 9;

            assertThat(result).containsExactly(1, 2, 3);
        }

        @Test
        void acceptsABase64String() {
            String encoded = Base64.getEncoder().encodeToString(new byte[] {4, 5});

            assertThat((byte[]) normalize("Artifact", encoded)).containsExactly(4, 5);
        }

        @Test
        void acceptsAByteBufferWithoutConsumingIt() {
            ByteBuffer buffer = ByteBuffer.wrap(new byte[] {6, 7});

            assertThat((byte[]) normalize("Artifact", buffer)).containsExactly(6, 7);
            assertThat(buffer.remaining()).isEqualTo(2);
        }

        @Test
        void rejectsInvalidBase64() {
            rejects("Artifact", "not base64!", "base64");
        }

        @Test
        void rejectsOtherTypes() {
            rejects("Artifact", List.of(1, 2), "type");
        }
    }

    @Test
    void errorWithoutEntityStillNamesTheField() {
        assertThatThrownBy(() -> DType.INTEGER.normalize("x", null, "price"))
                .hasMessageStartingWith("field 'price': Integer expects");
    }
}
