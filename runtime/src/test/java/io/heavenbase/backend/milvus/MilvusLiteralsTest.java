package io.heavenbase.backend.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MilvusLiteralsTest {

    private static final List<String> HOSTILE = List.of("", "plain", "quote\"inside", "\" or object_id != \"",
            "back\\slash", "trailing\\", "\\\"", "single'quote", "new\nline", "tab\tand\rreturn", "nul\u0001ctl",
            "del\u007f", "é and ü", "😀 emoji", "\u2028separator", "array_contains(x, 1)", "]) or true or ([");

    @Test
    void givenPlainAscii_whenQuoted_thenTheTextIsWrappedInDoubleQuotes() {
        assertThat(MilvusLiterals.string("apple pie")).contains("\"apple pie\"");
    }

    @Test
    void givenQuotesAndBackslashes_whenQuoted_thenTheyAreBackslashEscaped() {
        assertThat(MilvusLiterals.string("a\"b\\c")).contains("\"a\\\"b\\\\c\"");
    }

    @Test
    void givenControlAndNonAsciiCharacters_whenQuoted_thenTheyAreUnicodeEscapes() {
        assertThat(MilvusLiterals.string("x\ny\u00e9")).contains("\"x\\u000Ay\\u00E9\"");
    }

    @Test
    void givenACharacterBeyondTheBmp_whenQuoted_thenItIsOneEightDigitEscape() {
        assertThat(MilvusLiterals.string("😀")).contains("\"\\U0001F600\"");
    }

    @Test
    void givenHostileValues_whenQuoted_thenTheLiteralIsPrintableAsciiWithOnlyItsDelimitersUnescaped() {
        for (String value : HOSTILE) {
            String literal = MilvusLiterals.string(value).orElseThrow();

            assertThat(literal).as(value).matches("\"[\\x20-\\x7E]*\"");
            assertThat(unescapedQuotes(literal)).as(value).isEqualTo(2);
        }
    }

    @Test
    void givenHostileValues_whenQuotedAndDecodedLikeAGoStringLiteral_thenTheOriginalComesBack() {
        for (String value : HOSTILE) {
            assertThat(goUnquote(MilvusLiterals.string(value).orElseThrow())).as(value).isEqualTo(value);
        }
    }

    @Test
    void givenAnUnpairedSurrogate_whenQuoted_thenThereIsNoLiteral() {
        assertThat(MilvusLiterals.string("bad\uD800")).isEmpty();
        assertThat(MilvusLiterals.string("\uDC00bad")).isEmpty();
    }

    @Test
    void givenIntegers_whenWritten_thenDecimalExceptLongMinValueWhichMilvusCannotParse() {
        assertThat(MilvusLiterals.integer(-42)).contains("-42");
        assertThat(MilvusLiterals.integer(Long.MAX_VALUE)).contains("9223372036854775807");
        assertThat(MilvusLiterals.integer(Long.MIN_VALUE + 1)).contains("-9223372036854775807");
        assertThat(MilvusLiterals.integer(Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void givenDoubles_whenWritten_thenPlainDecimalsThatParseBackExactly() {
        assertThat(MilvusLiterals.decimal(1.0e6)).isEqualTo("1000000.0");
        assertThat(MilvusLiterals.decimal(2.5)).isEqualTo("2.5");
        assertThat(MilvusLiterals.decimal(-0.0)).isEqualTo("0.0");
        assertThat(MilvusLiterals.decimal(1.0e-7)).isEqualTo("0.0000001");
        for (double value : new double[] {0.1, 1.0 / 3.0, -9.99, 1.7976931348623157e308, 4.9e-324}) {
            assertThat(Double.parseDouble(MilvusLiterals.decimal(value))).isEqualTo(value);
            assertThat(MilvusLiterals.decimal(value)).doesNotContain("E");
        }
    }

    private static int unescapedQuotes(String literal) {
        int count = 0;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                count++;
            }
        }
        return count;
    }

    /** Decodes the escapes MilvusLiterals writes, as Go's strconv.Unquote (which Milvus uses) does. */
    private static String goUnquote(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char kind = literal.charAt(++i);
            if (kind == 'u' || kind == 'U') {
                int digits = kind == 'u' ? 4 : 8;
                out.appendCodePoint(Integer.parseInt(literal.substring(i + 1, i + 1 + digits), 16));
                i += digits;
            } else {
                out.append(kind);
            }
        }
        return out.toString();
    }
}
