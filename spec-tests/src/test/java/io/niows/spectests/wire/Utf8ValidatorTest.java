package io.niows.spectests.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.cases.Utf8Sequences;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The validator, and the 6.x case table, agree with the JDK's strict UTF-8 decoder. */
class Utf8ValidatorTest {

    @Test
    void everyCaseSequenceIsMarkedAsTheJdkDecoderJudgesIt() {
        for (Utf8Sequences.Category c : Utf8Sequences.categories()) {
            for (Utf8Sequences.Sequence s : c.sequences()) {
                assertThat(Utf8Validator.isValid(s.payload())).as(c.title() + " " + Hex.of(s.payload()))
                        .isEqualTo(jdkValid(s.payload())).isEqualTo(s.valid());
            }
        }
    }

    @Test
    void failsAtTheFirstOctetThatCannotContinue() {
        Utf8Validator v = new Utf8Validator();
        assertThat(v.feed(Hex.parse("cebae1bdb9cf83cebcceb5f4"))).isTrue();
        assertThat(v.isComplete()).isFalse();
        assertThat(v.feed(Hex.parse("90"))).isFalse();
        assertThat(v.validBytes()).isEqualTo(12);
    }

    @Test
    void everyCodePointOutsideTheSurrogatesIsValid() {
        for (int cp = 0; cp <= 0x10FFFF; cp += cp < 0x800 ? 1 : 7) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8Validator.isValid(b)).as("U+%X", cp).isTrue();
        }
    }

    private static boolean jdkValid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
