package io.niows.examples.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code decode} on the RFC 6455 §5.7 examples and on inputs that break one rule each. */
class FrameDecodingTest {

    private static List<String> decode(String hex) {
        return FrameDecoding.decode(TraceTools.parseHex(hex), null, false);
    }

    private static String joined(String hex) {
        return String.join("\n", decode(hex));
    }

    @Test
    void rfcSection57SingleFrameUnmaskedText() {
        assertThat(decode("81 05 48 65 6c 6c 6f")).containsExactly(
                "7 bytes, read as sent by the server (unmasked; niows reads them as a client)",
                "@0 \u2190 S2C FIN text len=5 (7-bit) unmasked \"Hello\"  \u00a75.2 \u00a75.6  [81 05]",
                "     \u21d2 text message, 5 chars: \"Hello\"",
                "no rule broken (what niows would do: go on reading)");
    }

    @Test
    void rfcSection57SingleFrameMaskedText() {
        assertThat(decode("81 85 37 fa 21 3d 7f 9f 4d 51 58")).contains(
                "@0 \u2192 C2S FIN text len=5 (7-bit) mask=37fa213d \"Hello\"  \u00a75.2 \u00a75.3 \u00a75.6"
                        + "  [81 85 37 fa 21 3d]",
                "     \u21d2 text message, 5 chars: \"Hello\"");
    }

    @Test
    void rfcSection57FragmentedUnmaskedText() {
        assertThat(decode("01 03 48 65 6c 80 02 6c 6f")).containsSubsequence(
                "@0 \u2190 S2C --- text len=3 (7-bit) unmasked \"Hel\"  \u00a75.2 \u00a75.4 \u00a75.6  [01 03]",
                "@5 \u2190 S2C FIN continuation len=2 (7-bit) unmasked \"lo\"  \u00a75.2 \u00a75.4 \u00a75.6  [80 02]",
                "     \u21d2 text message, 5 chars: \"Hello\"",
                "no rule broken (what niows would do: go on reading)");
    }

    @Test
    void rfcSection57UnmaskedPingAndMaskedPong() {
        assertThat(decode("89 05 48 65 6c 6c 6f")).contains(
                "@0 \u2190 S2C FIN ping len=5 (7-bit) unmasked \"Hello\"  \u00a75.2 \u00a75.5.2  [89 05]");
        assertThat(decode("8a 85 37 fa 21 3d 7f 9f 4d 51 58")).contains(
                "@0 \u2192 C2S FIN pong len=5 (7-bit) mask=37fa213d \"Hello\"  \u00a75.2 \u00a75.3 \u00a75.5.3"
                        + "  [8a 85 37 fa 21 3d]");
    }

    @Test
    void rfcSection57LengthEncodingsOf256BytesAnd64KiB() {
        assertThat(joined("82 7e 01 00" + " 00".repeat(256)))
                .contains("@0 \u2190 S2C FIN binary len=256 (16-bit) unmasked 0x00000000000000000000000000000000\u2026")
                .contains("binary message, 256 bytes");
        assertThat(decode("82 7f 00 00 00 00 00 01 00 00")).containsSubsequence(
                "@0 \u2190 S2C FIN binary len=65536 (64-bit) unmasked  \u00a75.2 \u00a75.6"
                        + "  [82 7f 00 00 00 00 00 01 00 00]",
                "     the input ends here: 65536 byte(s) of this frame are not in it (a receiver waits for them)");
    }

    @Test
    void reservedOpcodeIsByteZeroAnd1002() {
        String out = joined("83 80 00 00 00 00");
        assertThat(out).contains("\u2717 byte 0 (0x83), in the frame at byte 0: reserved data opcode 3")
                .contains("rule \u00a75.2 \u00a711.8")
                .contains("with close code 1002 (protocol error); niows sends [88 18 03 ea");
    }

    @Test
    void unmaskedClientFrameIsTheMaskBitsByteAnd1002() {
        String out = String.join("\n", FrameDecoding.decode(TraceTools.parseHex("81 05 48 65 6c 6c 6f"), true, false));
        assertThat(out).contains("\u2717 byte 1 (0x05), in the frame at byte 0: client frame not masked")
                .contains("rule \u00a75.1: \"a client MUST mask all frames that it sends to the server\"")
                .contains("close code 1002 (protocol error)");
    }

    @Test
    void sixtyFourBitLengthWithTopBitSetIsItsFirstLengthByteAnd1002() {
        String out = joined("82 ff 80 00 00 00 00 00 00 01 37 fa 21 3d");
        assertThat(out).contains("\u2717 byte 2 (0x80), in the frame at byte 0: "
                        + "64-bit payload length has its top bit set")
                .contains("rule \u00a75.2: \"the most significant bit MUST be 0\"")
                .contains("close code 1002 (protocol error)");
    }

    @Test
    void invalidUtf8IsTheFirstByteThatCannotContinueAnd1007() {
        // "Hello" then 0xC3 0x28: 0x28 cannot continue the sequence 0xC3 starts; the second frame holds it.
        String out = joined("01 85 00 00 00 00 48 65 6c 6c 6f 80 82 00 00 00 00 c3 28");
        assertThat(out).contains("\u2717 byte 18 (0x28), in the frame at byte 11: invalid UTF-8 in text message")
                .contains("rule \u00a75.6 \u00a78.1")
                .contains("close code 1007 (invalid frame payload data)");
    }

    @Test
    void closeCodeNoEndpointMaySendIsTheCodesFirstByteAnd1002() {
        String out = joined("88 82 00 00 00 00 03 ed");
        assertThat(out).contains("close len=2 (7-bit) mask=00000000 code=1005")
                .contains("\u2717 byte 6 (0x03), in the frame at byte 0: invalid close code 1005")
                .contains("rule \u00a77.4.1 \u00a77.4.2")
                .contains("close code 1002 (protocol error)");
    }

    @Test
    void framesAfterTheViolationAreNotShownAsRead() {
        String out = joined("83 80 00 00 00 00 81 80 00 00 00 00");
        assertThat(out).doesNotContain("@6").contains("6 byte(s) after it are ignored");
    }

    @Test
    void jsonNamesTheByteTheRuleAndTheCloseFrame() {
        List<String> out = FrameDecoding.decode(TraceTools.parseHex("88 82 00 00 00 00 03 ed"), null, true);
        assertThat(out.get(out.size() - 1)).startsWith("{\"event\":\"violation\",\"byte\":6,\"frameStart\":0,")
                .contains("\"closeCode\":1002", "\"section\":\"\u00a77.4.1 \u00a77.4.2\"",
                        "\"closeFrame\":\"881903ea696e76616c696420636c6f736520636f64652031303035\"");
        assertThat(out.get(1)).contains("\"opcodeName\":\"close\"", "\"maskingKey\":\"00000000\"", "\"lengthBits\":7");
    }

    @Test
    void commandReadsHexFromStandardInputAndRawBytesFromAFile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TraceTools.run(new String[] {"decode"},
                new ByteArrayInputStream("0x81 0x05 0x48 0x65 0x6c 0x6c 0x6f\n".getBytes(StandardCharsets.US_ASCII)),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("text len=5 (7-bit) unmasked \"Hello\"");

        java.nio.file.Path file = java.nio.file.Files.createTempFile("frames", ".bin");
        try {
            java.nio.file.Files.write(file, new byte[] {(byte) 0x82, 0x02, (byte) 0xff, 0x00});
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            TraceTools.run(new String[] {"decode", "--file", file.toString()}, InputStreamNone.INSTANCE,
                    new PrintStream(raw, true, StandardCharsets.UTF_8), System.err);
            assertThat(raw.toString(StandardCharsets.UTF_8)).contains("binary len=2 (7-bit) unmasked 0xff00");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void badCommandLinesExitWithTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(TraceTools.run(new String[] {"decode", "8"}, InputStreamNone.INSTANCE, System.out, errStream))
                .isEqualTo(2);
        assertThat(TraceTools.run(new String[] {"trace", "--listen", "0"}, InputStreamNone.INSTANCE, System.out,
                errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("an odd number of hex digits", "--target");
    }

    /** Standard input that is empty. */
    private static final class InputStreamNone {
        static final java.io.InputStream INSTANCE = new ByteArrayInputStream(new byte[0]);
    }
}
