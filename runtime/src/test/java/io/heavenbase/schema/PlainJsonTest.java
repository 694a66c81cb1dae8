package io.heavenbase.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PlainJson must give exactly what a default ObjectMapper gives, text for text and value for value. */
class PlainJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsLikeTheMapper() throws Exception {
        List<String> texts = List.of("null", "true", "false", "0", "-7", "2147483647", "2147483648",
                "-9223372036854775808", "9223372036854775808", "123456789012345678901234567890", "1.5", "-0.0",
                "1e3", "1E-7", "3.4028234663852886E38", "\"\"", "\"caf\\u00e9 \\\"q\\\" \\\\ \\n \\ud83d\\ude00\"",
                "\"é ✓ 😀\"", "[]", "{}", "[1,[2,[3,{}]],{\"a\":[]}]", "{\"a\":1,\"b\":{\"c\":[true,null,\"x\"]}}",
                "{\"k\":1,\"j\":2,\"k\":3}", " \n [1, 2] ", "[1] trailing", "{\"a\":1} {", "[\"x\",1.0,2]");
        for (String text : texts) {
            Object expected = MAPPER.readValue(text, Object.class);
            Object actual = PlainJson.read(text);
            assertThat(actual).as(text).isEqualTo(expected);
            assertThat(classesOf(actual)).as(text).isEqualTo(classesOf(expected));
        }
    }

    @Test
    void keepsTheKeyOrderOfObjectsAndTheLastValueOfARepeatedKey() throws Exception {
        Object read = PlainJson.read("{\"z\":1,\"a\":2,\"z\":3}");
        assertThat(read).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) read).keySet())).containsExactly("z", "a");
        assertThat(((Map<?, ?>) read).get("z")).isEqualTo(3);
    }

    @Test
    void rejectsWhatTheMapperRejects() {
        for (String text : List.of("", "   ", "[1,", "{\"a\":", "{\"a\" 1}", "[1 2]", "nul", "'x'", "{1:2}", "NaN",
                "[1,]")) {
            assertThatThrownBy(() -> MAPPER.readValue(text, Object.class)).as(text)
                    .isInstanceOf(JsonProcessingException.class);
            assertThatThrownBy(() -> PlainJson.read(text)).as(text).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void writesLikeTheMapper() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", null);
        nested.put("list", Arrays.asList(1, 2L, (short) 3, 4.5, 1.25f, BigInteger.TEN.pow(30),
                new BigDecimal("1E+3"), new BigDecimal("0.10"), Double.NaN, Float.POSITIVE_INFINITY, -0.0));
        nested.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 é 😀 </script>");
        nested.put("vector", new float[] {0.1f, -2f, 3.5e-8f});
        nested.put("empty", new LinkedHashMap<>());
        nested.put("set", new LinkedHashSet<>(List.of("b", "a")));
        List<Object> values = new ArrayList<>(Arrays.asList(null, true, false, "", 0, Long.MIN_VALUE,
                Double.MAX_VALUE, Double.MIN_VALUE, 1e21, 1e-7, List.of(), new float[0], nested));
        values.add(new ArrayList<>(values.subList(1, 5)));
        for (Object value : values) {
            assertThat(PlainJson.write(value)).as(String.valueOf(value)).isEqualTo(MAPPER.writeValueAsString(value));
        }
    }

    @Test
    void writesValuesOutsideThePlainModelWithTheMapper() throws Exception {
        Map<Object, Object> numberKeys = new LinkedHashMap<>();
        numberKeys.put(1, "one");
        for (Object value : List.of(numberKeys, List.of(new Bean()), new byte[] {1, 2, 3}, 'c', (byte) 7)) {
            assertThat(PlainJson.write(value)).isEqualTo(MAPPER.writeValueAsString(value));
        }
        Map<String, Object> withInstant = Map.of("at", Instant.EPOCH);
        assertThatThrownBy(() -> MAPPER.writeValueAsString(withInstant)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> PlainJson.write(withInstant)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("n", 12L);
        value.put("items", List.of("a", Map.of("deep", List.of(true, 1.5))));
        Object read = PlainJson.read(PlainJson.write(value));
        assertThat(read).isEqualTo(MAPPER.readValue(MAPPER.writeValueAsString(value), Object.class));
    }

    /** A bean: not a plain value, so the mapper writes it. */
    public static final class Bean {
        public String getName() {
            return "bean";
        }
    }

    /** The value's tree with each node replaced by its class, so Integer 1 and Long 1 differ. */
    private static Object classesOf(Object value) {
        if (value instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, element) -> out.put(key, classesOf(element)));
            return List.of(value.getClass(), out);
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            out.add(value.getClass());
            for (Object element : (List<?>) value) {
                out.add(classesOf(element));
            }
            return out;
        }
        return value == null ? "null" : value.getClass();
    }
}
