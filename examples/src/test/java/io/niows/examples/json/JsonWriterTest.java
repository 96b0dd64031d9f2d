package io.niows.examples.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesObjectsInInsertionOrder() {
        String json = JsonWriter.write(JsonWriter.object("type", "message", "name", "ann", "time", 42L,
                "ok", true, "none", null, "list", List.of(1, "two")));

        assertThat(json).isEqualTo(
                "{\"type\":\"message\",\"name\":\"ann\",\"time\":42,\"ok\":true,\"none\":null,\"list\":[1,\"two\"]}");
    }

    @Test
    void escapesQuotesBackslashesAndEveryControlCharacter() {
        assertThat(JsonWriter.write("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(JsonWriter.write("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(JsonWriter.write("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
    }

    @Test
    void keepsNonAsciiTextAndPairedSurrogatesAsTheyAre() {
        assertThat(JsonWriter.write("h\u00e9 \u4e16 \ud83d\ude00")).isEqualTo("\"h\u00e9 \u4e16 \ud83d\ude00\"");
    }

    @Test
    void escapesUnpairedSurrogatesWhichHaveNoUtf8Form() {
        assertThat(JsonWriter.write("a\ud83d")).isEqualTo("\"a\\ud83d\"");
        assertThat(JsonWriter.write("\ude00b")).isEqualTo("\"\\ude00b\"");
        assertThat(JsonWriter.write("\ude00\ud83d")).isEqualTo("\"\\ude00\\ud83d\"");
    }

    @Test
    void writesWholeDoublesWithoutAFraction() {
        assertThat(JsonWriter.write(List.of(1.0, 1.5, -0.25, 1e300))).isEqualTo("[1,1.5,-0.25,1.0E300]");
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> JsonWriter.write(Double.NaN)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonWriter.write(Double.POSITIVE_INFINITY)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonWriter.write(new Object())).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonWriter.write(Map.of(1, "x"))).isInstanceOf(JsonException.class);
    }

    @Test
    void objectNeedsNameValuePairs() {
        assertThatThrownBy(() -> JsonWriter.object("lonely")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesEmptyContainersAndNestedOnes() {
        assertThat(JsonWriter.write(Map.of())).isEqualTo("{}");
        assertThat(JsonWriter.write(Arrays.asList(List.of(), null, Map.of("a", List.of(1L)))))
                .isEqualTo("[[],null,{\"a\":[1]}]");
    }
}
