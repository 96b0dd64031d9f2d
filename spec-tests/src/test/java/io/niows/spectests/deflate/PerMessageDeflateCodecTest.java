package io.niows.spectests.deflate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.spectests.cases.CompressionData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The fuzzer's permessage-deflate codec against RFC 7692's examples (section 7.2.3) and its own promises. */
class PerMessageDeflateCodecTest {
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);
    /** Section 7.2.3.1: "Hello" compressed, the trailing 00 00 ff ff removed. */
    private static final byte[] HELLO_COMPRESSED = hex("f248cdc9c90700");
    /** Section 7.2.3.2: the second "Hello" with the window shared. */
    private static final byte[] HELLO_AGAIN = hex("f200110000");

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static byte[] inflateOne(MessageInflater in, byte[] payload) throws Exception {
        in.startMessage();
        return in.inflate(payload, true);
    }

    @Test
    void compressesHelloAsSection7231() {
        try (MessageDeflater d = new MessageDeflater(false, 15)) {
            assertThat(d.compress(HELLO)).isEqualTo(HELLO_COMPRESSED);
        }
    }

    @Test
    void secondMessageUsesTheSharedWindowAsSection7232() {
        try (MessageDeflater d = new MessageDeflater(false, 15)) {
            d.compress(HELLO);
            assertThat(d.compress(HELLO)).isEqualTo(HELLO_AGAIN);
        }
    }

    @Test
    void noContextTakeoverStartsEveryMessageAfresh() {
        try (MessageDeflater d = new MessageDeflater(true, 15)) {
            d.compress(HELLO);
            assertThat(d.compress(HELLO)).isEqualTo(HELLO_COMPRESSED);
        }
    }

    @Test
    void emptyMessageCompressesToOneZeroOctetAsSection7236() {
        try (MessageDeflater d = new MessageDeflater(true, 15)) {
            assertThat(d.compress(new byte[0])).isEqualTo(hex("00"));
        }
    }

    @Test
    void inflatesTheExamplesOfSection723() throws Exception {
        try (MessageInflater in = new MessageInflater(false, 15, 1 << 20)) {
            assertThat(inflateOne(in, HELLO_COMPRESSED)).isEqualTo(HELLO);
            assertThat(inflateOne(in, HELLO_AGAIN)).isEqualTo(HELLO);
        }
        try (MessageInflater in = new MessageInflater(true, 15, 1 << 20)) {
            // 7.2.3.3 a block with no compression, 7.2.3.4 BFINAL set, 7.2.3.5 two DEFLATE blocks
            assertThat(inflateOne(in, hex("0005 00faff 48656c6c6f 00".replace(" ", "")))).isEqualTo(HELLO);
            assertThat(inflateOne(in, hex("f348cdc9c9070000"))).isEqualTo(HELLO);
            assertThat(inflateOne(in, hex("f248050000 00ffff cac9c90700".replace(" ", "")))).isEqualTo(HELLO);
        }
    }

    @Test
    void inflatesAMessageSplitIntoTwoFramesAtEveryOctet() throws Exception {
        for (int cut = 0; cut <= HELLO_COMPRESSED.length; cut++) {
            try (MessageInflater in = new MessageInflater(false, 15, 1 << 20)) {
                in.startMessage();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(in.inflate(Arrays.copyOfRange(HELLO_COMPRESSED, 0, cut), false));
                out.writeBytes(in.inflate(Arrays.copyOfRange(HELLO_COMPRESSED, cut, HELLO_COMPRESSED.length), true));
                assertThat(out.toByteArray()).as("split at %d", cut).isEqualTo(HELLO);
            }
        }
    }

    @Test
    void aReferenceIntoTheLastMessageFailsWhenThePeerAgreedToNoContextTakeover() throws Exception {
        try (MessageInflater in = new MessageInflater(true, 15, 1 << 20)) {
            inflateOne(in, HELLO_COMPRESSED);
            assertThatThrownBy(() -> inflateOne(in, HELLO_AGAIN)).isInstanceOf(DataFormatException.class);
        }
    }

    @Test
    void aStreamEndedWithBfinalStillLendsItsWindowToTheNextMessage() throws Exception {
        Deflater withHistory = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] buf = new byte[64];
        try (MessageInflater in = new MessageInflater(false, 15, 1 << 20)) {
            assertThat(inflateOne(in, hex("f348cdc9c9070000"))).isEqualTo(HELLO);
            withHistory.setDictionary(HELLO);
            withHistory.setInput(HELLO);
            int n = withHistory.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            assertThat(inflateOne(in, Arrays.copyOf(buf, n - 4))).isEqualTo(HELLO);
        } finally {
            withHistory.end();
        }
    }

    @Test
    void dataAfterTheFinalBlockIsRefused() throws Exception {
        try (MessageInflater in = new MessageInflater(false, 15, 1 << 20)) {
            assertThatThrownBy(() -> inflateOne(in, hex("f348cdc9c907000000"))).isInstanceOf(DataFormatException.class);
        }
    }

    @Test
    void aSmallAgreedWindowKeepsEveryReferenceWithinItAndRoundTrips() throws Exception {
        byte[] json = CompressionData.JSON.data();
        for (int bits = 8; bits <= 15; bits++) {
            try (MessageDeflater d = new MessageDeflater(false, bits);
                    MessageInflater in = new MessageInflater(false, bits, 1 << 20)) {
                for (int m = 0; m < 4; m++) {
                    byte[] msg = Arrays.copyOfRange(json, m * 5000, m * 5000 + 20_000);
                    byte[] z = d.compress(msg);
                    int reach = DeflateWindowCheck.maxDistance(concat(z, hex("0000ffff")));
                    assertThat(reach).as("%d bits", bits).isLessThanOrEqualTo(1 << bits);
                    assertThat(inflateOne(in, z)).isEqualTo(msg);
                }
            }
        }
    }

    @Test
    void aReferenceBeyondThePeersAgreedWindowIsRefused() {
        byte[] msg = new byte[4000];
        for (int i = 0; i < msg.length; i++) {
            msg[i] = (byte) ((i % 1000) * 7 + (i % 1000) / 13);
        }
        try (MessageDeflater d = new MessageDeflater(false, 15);
                MessageInflater in = new MessageInflater(false, 9, 1 << 20)) {
            byte[] z = d.compress(msg);
            assertThatThrownBy(() -> inflateOne(in, z)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("beyond the agreed window of 512");
        }
    }

    @Test
    void measuresTheDistancesOfTheRfcExamples() throws Exception {
        assertThat(DeflateWindowCheck.maxDistance(concat(HELLO_COMPRESSED, hex("0000ffff")))).isZero();
        assertThat(DeflateWindowCheck.maxDistance(concat(HELLO_AGAIN, hex("0000ffff")))).isEqualTo(5);
        assertThat(DeflateWindowCheck.maxDistance(hex("f248050000 00ffff cac9c90700 0000ffff".replace(" ", ""))))
                .isZero();
    }

    @Test
    void refusesAMessageThatInflatesBeyondTheLimitBeforeInflatingAllOfIt() throws Exception {
        byte[] zeros;
        try (MessageDeflater d = new MessageDeflater(true, 15)) {
            zeros = d.compress(new byte[4 << 20]);
        }
        assertThat(zeros.length).isLessThan(8192);
        try (MessageInflater in = new MessageInflater(true, 15, 64 << 10)) {
            in.startMessage();
            assertThatThrownBy(() -> in.inflate(zeros, true)).isInstanceOf(MessageTooBigException.class);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
