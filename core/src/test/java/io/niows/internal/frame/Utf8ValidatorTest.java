package io.niows.internal.frame;

import static io.niows.protocol.TestFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The UTF-8 validator against the Unicode Standard's Table 3-7 (well-formed byte sequences) and
 * Markus Kuhn's UTF-8 decoder stress test, sections 2 to 5; each fed whole and byte by byte, with
 * the fail-fast position pinned. The same cases through fragmented text messages are in {@link
 * Rfc6455Section8_1Utf8Test}.
 */
class Utf8ValidatorTest {

    /** Valid and complete. */
    static final int VALID = -1;
    /** Valid so far, but ends inside a sequence. */
    static final int INCOMPLETE = -2;

    /** A case: its bytes and where it fails (index of the first bad byte), or VALID, or INCOMPLETE. */
    record Utf8Case(String name, String hex, int failsAt) {
        byte[] bytes() {
            return io.niows.protocol.TestFrames.hex(hex);
        }

        @Override
        public String toString() {
            return name + " [" + hex + "]";
        }
    }

    static List<Utf8Case> cases() {
        return List.of(
                // Table 3-7, each row at its bounds
                new Utf8Case("T3-7 U+0000", "00", VALID),
                new Utf8Case("T3-7 U+007F", "7f", VALID),
                new Utf8Case("T3-7 U+0080", "c2 80", VALID),
                new Utf8Case("T3-7 U+07FF", "df bf", VALID),
                new Utf8Case("T3-7 U+0800", "e0 a0 80", VALID),
                new Utf8Case("T3-7 U+0FFF", "e0 bf bf", VALID),
                new Utf8Case("T3-7 U+1000", "e1 80 80", VALID),
                new Utf8Case("T3-7 U+CFFF", "ec bf bf", VALID),
                new Utf8Case("T3-7 U+D000", "ed 80 80", VALID),
                new Utf8Case("T3-7 U+D7FF", "ed 9f bf", VALID),
                new Utf8Case("T3-7 U+E000", "ee 80 80", VALID),
                new Utf8Case("T3-7 U+FFFF", "ef bf bf", VALID),
                new Utf8Case("T3-7 U+10000", "f0 90 80 80", VALID),
                new Utf8Case("T3-7 U+3FFFF", "f0 bf bf bf", VALID),
                new Utf8Case("T3-7 U+40000", "f1 80 80 80", VALID),
                new Utf8Case("T3-7 U+FFFFF", "f3 bf bf bf", VALID),
                new Utf8Case("T3-7 U+100000", "f4 80 80 80", VALID),
                new Utf8Case("T3-7 U+10FFFF", "f4 8f bf bf", VALID),
                new Utf8Case("T3-7 C1 never starts", "c1", 0),
                new Utf8Case("T3-7 C2 then 7F", "c2 7f", 1),
                new Utf8Case("T3-7 C2 then C0", "c2 c0", 1),
                new Utf8Case("T3-7 E0 then 9F", "e0 9f", 1),
                new Utf8Case("T3-7 E0 then C0", "e0 c0", 1),
                new Utf8Case("T3-7 E1 then 7F", "e1 7f", 1),
                new Utf8Case("T3-7 ED then A0", "ed a0", 1),
                new Utf8Case("T3-7 F0 then 8F", "f0 8f", 1),
                new Utf8Case("T3-7 F0 then C0", "f0 c0", 1),
                new Utf8Case("T3-7 F4 then 90", "f4 90", 1),
                new Utf8Case("T3-7 F5 never starts", "f5", 0),
                new Utf8Case("greek kosme", "ce ba e1 bd b9 cf 83 ce bc ce b5", VALID),
                // Kuhn 2.1-2.3 boundary conditions
                new Utf8Case("Kuhn 2.1.5 5-byte U+200000", "f8 88 80 80 80", 0),
                new Utf8Case("Kuhn 2.1.6 6-byte U+4000000", "fc 84 80 80 80 80", 0),
                new Utf8Case("Kuhn 2.2.4 U+1FFFFF", "f7 bf bf bf", 0),
                new Utf8Case("Kuhn 2.2.5 U+3FFFFFF", "fb bf bf bf bf", 0),
                new Utf8Case("Kuhn 2.2.6 U+7FFFFFFF", "fd bf bf bf bf bf", 0),
                new Utf8Case("Kuhn 2.3.3 U+FFFD", "ef bf bd", VALID),
                new Utf8Case("Kuhn 2.3.5 U+110000", "f4 90 80 80", 1),
                // Kuhn 3.1 unexpected continuation bytes
                new Utf8Case("Kuhn 3.1.1 80", "80", 0),
                new Utf8Case("Kuhn 3.1.2 BF", "bf", 0),
                new Utf8Case("Kuhn 3.1.3 80 BF", "80 bf", 0),
                new Utf8Case("Kuhn 3.1.6 4 continuations", "80 bf 80 bf", 0),
                new Utf8Case("continuation after ASCII", "41 42 80", 2),
                // Kuhn 3.2 lonely start characters, each followed by a space
                new Utf8Case("Kuhn 3.2.1 C0 space", "c0 20", 0),
                new Utf8Case("Kuhn 3.2.1 C2 space", "c2 20", 1),
                new Utf8Case("Kuhn 3.2.1 DF space", "df 20", 1),
                new Utf8Case("Kuhn 3.2.2 E0 space", "e0 20", 1),
                new Utf8Case("Kuhn 3.2.2 EF space", "ef 20", 1),
                new Utf8Case("Kuhn 3.2.3 F0 space", "f0 20", 1),
                new Utf8Case("Kuhn 3.2.3 F4 space", "f4 20", 1),
                new Utf8Case("Kuhn 3.2.3 F7 space", "f7 20", 0),
                new Utf8Case("Kuhn 3.2.4 F8 space", "f8 20", 0),
                new Utf8Case("Kuhn 3.2.5 FC space", "fc 20", 0),
                // Kuhn 3.3 sequences with the last continuation byte missing
                new Utf8Case("Kuhn 3.3.1 C0", "c0", 0),
                new Utf8Case("Kuhn 3.3.2 E0 80", "e0 80", 1),
                new Utf8Case("Kuhn 3.3.3 F0 80 80", "f0 80 80", 1),
                new Utf8Case("Kuhn 3.3.4 F8 80 80 80", "f8 80 80 80", 0),
                new Utf8Case("Kuhn 3.3.6 DF", "df", INCOMPLETE),
                new Utf8Case("Kuhn 3.3.7 EF BF", "ef bf", INCOMPLETE),
                new Utf8Case("Kuhn 3.3.8 F7 BF BF", "f7 bf bf", 0),
                new Utf8Case("U+10FFFF missing its last byte", "f4 8f bf", INCOMPLETE),
                new Utf8Case("U+1000 missing its last byte", "e1 80", INCOMPLETE),
                new Utf8Case("U+40000 missing its last byte", "f1 80 80", INCOMPLETE),
                // Kuhn 3.4 concatenation of incomplete sequences
                new Utf8Case("Kuhn 3.4 DF then EF BF", "df ef bf", 1),
                new Utf8Case("Kuhn 3.4 all ten", "c0 e0 80 f0 80 80 f8 80 80 80 fc 80 80 80 80 df ef bf f7 bf bf", 0),
                // Kuhn 3.5 impossible bytes
                new Utf8Case("Kuhn 3.5.1 FE", "fe", 0),
                new Utf8Case("Kuhn 3.5.2 FF", "ff", 0),
                new Utf8Case("Kuhn 3.5.3 FE FE FF FF", "fe fe ff ff", 0),
                new Utf8Case("FF after 20 ASCII bytes", "41".repeat(20) + "ff", 20),
                new Utf8Case("FF inside the 3rd word of ASCII", "41".repeat(19) + "ff" + "41".repeat(12), 19),
                // Kuhn 4.1-4.3 overlong sequences
                new Utf8Case("Kuhn 4.1.1 overlong / in 2", "c0 af", 0),
                new Utf8Case("Kuhn 4.1.2 overlong / in 3", "e0 80 af", 1),
                new Utf8Case("Kuhn 4.1.3 overlong / in 4", "f0 80 80 af", 1),
                new Utf8Case("Kuhn 4.1.4 overlong / in 5", "f8 80 80 80 af", 0),
                new Utf8Case("Kuhn 4.1.5 overlong / in 6", "fc 80 80 80 80 af", 0),
                new Utf8Case("Kuhn 4.2.1 max overlong 2", "c1 bf", 0),
                new Utf8Case("Kuhn 4.2.2 max overlong 3", "e0 9f bf", 1),
                new Utf8Case("Kuhn 4.2.3 max overlong 4", "f0 8f bf bf", 1),
                new Utf8Case("Kuhn 4.3.1 overlong NUL 2", "c0 80", 0),
                new Utf8Case("Kuhn 4.3.2 overlong NUL 3", "e0 80 80", 1),
                new Utf8Case("Kuhn 4.3.3 overlong NUL 4", "f0 80 80 80", 1),
                // Kuhn 5.1-5.3 surrogates and noncharacters
                new Utf8Case("Kuhn 5.1.1 U+D800", "ed a0 80", 1),
                new Utf8Case("Kuhn 5.1.2 U+DB7F", "ed ad bf", 1),
                new Utf8Case("Kuhn 5.1.3 U+DB80", "ed ae 80", 1),
                new Utf8Case("Kuhn 5.1.4 U+DBFF", "ed af bf", 1),
                new Utf8Case("Kuhn 5.1.5 U+DC00", "ed b0 80", 1),
                new Utf8Case("Kuhn 5.1.6 U+DF80", "ed be 80", 1),
                new Utf8Case("Kuhn 5.1.7 U+DFFF", "ed bf bf", 1),
                new Utf8Case("Kuhn 5.2.1 U+D800 U+DC00", "ed a0 80 ed b0 80", 1),
                new Utf8Case("Kuhn 5.2.8 U+DBFF U+DFFF", "ed af bf ed bf bf", 1),
                new Utf8Case("surrogate after valid text", "48 c3 a9 ed a0 80", 4),
                new Utf8Case("Kuhn 5.3.1 U+FFFE", "ef bf be", VALID),
                new Utf8Case("Kuhn 5.3.2 U+FFFF", "ef bf bf", VALID),
                new Utf8Case("Kuhn 5.3.3 U+FDD0", "ef b7 90", VALID),
                new Utf8Case("Kuhn 5.3.4 U+10FFFE", "f4 8f bf be", VALID));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fedWholeReportsTheFirstBadByte(Utf8Case c) {
        byte[] bytes = c.bytes();
        Utf8Validator validator = new Utf8Validator();
        int result = validator.feed(ByteBuffer.wrap(bytes), 0, bytes.length);
        assertThat(result).isEqualTo(c.failsAt() >= 0 ? c.failsAt() : -1);
        assertThat(validator.isComplete()).isEqualTo(c.failsAt() == VALID);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fedByteByByteFailsAtTheFirstBadByte(Utf8Case c) {
        byte[] bytes = c.bytes();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Utf8Validator validator = new Utf8Validator();
        int failedAt = -1;
        for (int i = 0; i < bytes.length && failedAt < 0; i++) {
            failedAt = validator.feed(buffer, i, i + 1);
        }
        assertThat(failedAt).isEqualTo(c.failsAt() >= 0 ? c.failsAt() : -1);
        assertThat(validator.isComplete()).isEqualTo(c.failsAt() == VALID);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fedInTwoChunksAtEveryCutGivesTheSameVerdict(Utf8Case c) {
        byte[] bytes = c.bytes();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        for (int cut = 0; cut <= bytes.length; cut++) {
            Utf8Validator validator = new Utf8Validator();
            int first = validator.feed(buffer, 0, cut);
            int failedAt = first >= 0 ? first : validator.feed(buffer, cut, bytes.length);
            assertThat(failedAt).as("cut at %d", cut).isEqualTo(c.failsAt() >= 0 ? c.failsAt() : -1);
            assertThat(validator.isComplete()).isEqualTo(c.failsAt() == VALID);
        }
    }

    @Test
    void staysInvalidUntilReset() {
        Utf8Validator validator = new Utf8Validator();
        assertThat(validator.feed(ByteBuffer.wrap(hex("ff")), 0, 1)).isZero();
        assertThat(validator.feed(ByteBuffer.wrap(hex("41")), 0, 1)).isZero();
        validator.reset();
        assertThat(validator.feed(ByteBuffer.wrap(hex("41")), 0, 1)).isEqualTo(-1);
        assertThat(validator.isComplete()).isTrue();
    }

    @Test
    void tellsWhetherTheTextWasAllAscii() {
        Utf8Validator validator = new Utf8Validator();
        byte[] ascii = "plain ascii text, long enough for words".getBytes(StandardCharsets.US_ASCII);
        validator.feed(ByteBuffer.wrap(ascii), 0, ascii.length);
        assertThat(validator.isAscii()).isTrue();
        validator.feed(ByteBuffer.wrap(hex("c3 a9")), 0, 2);
        assertThat(validator.isAscii()).isFalse();
        validator.reset();
        assertThat(validator.isAscii()).isTrue();
    }

    @Test
    void agreesWithTheJdkDecoderOnSeededRandomBytes() {
        Random random = new Random(20240601);
        byte[] alphabet = hex("00 41 7f 80 8f 90 9f a0 bf c0 c1 c2 df e0 e1 ec ed ee ef f0 f1 f3 f4 f5 ff");
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            Utf8Validator validator = new Utf8Validator();
            int bad = validator.feed(ByteBuffer.wrap(bytes), 0, bytes.length);
            boolean valid = bad < 0 && validator.isComplete();
            String hex = java.util.HexFormat.of().formatHex(bytes);
            assertThat(valid).as("bytes %s", hex).isEqualTo(jdkAccepts(bytes));
            assertThat(bad).as("first bad byte of %s, whole vs byte by byte", hex).isEqualTo(firstBadByteByByte(bytes));
        }
    }

    private static int firstBadByteByByte(byte[] bytes) {
        Utf8Validator validator = new Utf8Validator();
        for (int i = 0; i < bytes.length; i++) {
            if (validator.feed(ByteBuffer.wrap(bytes), i, i + 1) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
