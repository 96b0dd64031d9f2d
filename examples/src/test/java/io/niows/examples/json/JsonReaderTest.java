package io.niows.examples.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    @Nested
    class Values {

        @Test
        void readsAFlatObjectInOrder() {
            Map<String, Object> map = JsonReader.parseObject(
                    " {\"type\" : \"say\", \"text\":\"hi\", \"n\": -12, \"x\": 1.5e2, \"b\": false, \"z\": null}\n");

            assertThat(map).containsExactly(entry("type", "say"), entry("text", "hi"),
                    entry("n", -12L), entry("x", 150.0), entry("b", false), entry("z", null));
        }

        @Test
        void readsNestedArraysAndObjects() {
            assertThat(JsonReader.parse("[[], {}, [1, [\"a\"]], {\"k\": {\"j\": []}}]"))
                    .isEqualTo(List.of(List.of(), Map.of(), List.of(1L, List.of("a")),
                            Map.of("k", Map.of("j", List.of()))));
        }

        @Test
        void readsNumbersTooBigForALongAsDoubles() {
            assertThat(JsonReader.parse("123456789012345678901234")).isEqualTo(1.2345678901234568E23);
            assertThat(JsonReader.parse("-0")).isEqualTo(0L);
            assertThat(JsonReader.parse("0.5")).isEqualTo(0.5);
        }

        @Test
        void resultsCannotBeChanged() {
            Map<String, Object> map = JsonReader.parseObject("{\"a\":[1]}");
            assertThatThrownBy(() -> map.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Escapes {

        @Test
        void decodesEveryShortEscape() {
            assertThat(JsonReader.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"")).isEqualTo("\" \\ / \b \f \n \r \t");
        }

        @Test
        void decodesUnicodeEscapesInEitherCase() {
            assertThat(JsonReader.parse("\"\\u00e9\\u00E9\\u0000\"")).isEqualTo("\u00e9\u00e9\u0000");
        }

        @Test
        void joinsASurrogatePairOfEscapesIntoOneCharacter() {
            assertThat(JsonReader.parse("\"\\ud83d\\ude00\"")).isEqualTo("\ud83d\ude00");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"",
            "\"\\ude00\\ud83d\""})
        void refusesUnpairedSurrogates(String json) {
            assertThatThrownBy(() -> JsonReader.parse(json)).isInstanceOf(JsonException.class)
                    .hasMessageContaining("surrogate");
        }
    }

    @Nested
    class RoundTrips {

        @Test
        void everyCharacterOfTheBasicPlaneAndSomeAstralOnesSurvive() {
            StringBuilder all = new StringBuilder();
            for (char c = 0; c < Character.MIN_SURROGATE; c++) {
                all.append(c);
            }
            for (char c = Character.MAX_SURROGATE + 1; c != 0; c++) {
                all.append(c);
            }
            all.appendCodePoint(0x1F600).appendCodePoint(0x10FFFF).appendCodePoint(0x10000);
            String text = all.toString();

            assertThat(JsonReader.parse(JsonWriter.write(text))).isEqualTo(text);
        }

        @Test
        void unpairedSurrogatesAreWrittenAsEscapesThatTheReaderRefuses() {
            String json = JsonWriter.write("\ud83d");
            assertThat(json).isEqualTo("\"\\ud83d\"");
            assertThatThrownBy(() -> JsonReader.parse(json)).isInstanceOf(JsonException.class);
        }

        @Test
        void randomStringsSurvive() {
            Random random = new Random(8259);
            for (int i = 0; i < 500; i++) {
                StringBuilder s = new StringBuilder();
                int length = random.nextInt(40);
                while (s.length() < length) {
                    int cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x110000);
                    if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                        s.appendCodePoint(cp);
                    }
                }
                Map<String, Object> message = JsonWriter.object("text", s.toString(), "n", (long) i);

                assertThat(JsonReader.parse(JsonWriter.write(message))).isEqualTo(message);
            }
        }

        @Test
        void nestedValuesSurvive() {
            Object value = Arrays.asList(Map.of("a", List.of(1L, 2.5, "x")), null, true, List.of());
            assertThat(JsonReader.parse(JsonWriter.write(value))).isEqualTo(value);
        }
    }

    @Nested
    class Malformed {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "{", "}", "[", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}",
            "{a:1}", "{'a':1}", "\"abc", "\"a\nb\"", "\"\t\"", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"",
            "\"\\u\uff11234\"", "01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN", "Infinity", "tru",
            "nul", "True", "1 2", "{} {}", "[1] x", "// c\n1", "/* c */ 1", "\u00a01", "\"a\"\"b\"",
            "\"\\"})
        void isRefused(String json) {
            assertThatThrownBy(() -> JsonReader.parse(json)).isInstanceOf(JsonException.class);
        }

        @Test
        void duplicateNamesAreRefused() {
            assertThatThrownBy(() -> JsonReader.parse("{\"type\":\"say\",\"type\":\"join\"}"))
                    .isInstanceOf(JsonException.class).hasMessageContaining("duplicate");
        }

        @Test
        void deepNestingIsRefusedBeforeTheStackRunsOut() {
            String deep = "[".repeat(100_000) + "]".repeat(100_000);
            assertThatThrownBy(() -> JsonReader.parse(deep)).isInstanceOf(JsonException.class)
                    .hasMessageContaining("nested deeper");
            String allowed = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
            assertThat(JsonReader.parse(allowed)).isInstanceOf(List.class);
        }

        @Test
        void theErrorSaysWhere() {
            assertThatThrownBy(() -> JsonReader.parse("{\"a\": tru}"))
                    .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.offset()).isEqualTo(6));
        }

        @Test
        void parseObjectRefusesOtherValues() {
            assertThatThrownBy(() -> JsonReader.parseObject("[1]")).isInstanceOf(JsonException.class)
                    .hasMessageContaining("object");
        }
    }
}
