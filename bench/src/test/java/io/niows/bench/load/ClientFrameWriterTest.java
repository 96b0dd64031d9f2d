package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClientFrameWriterTest {

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static byte[] hex(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void writesTheMaskedHelloOfRfc6455Section5_7() {
        ByteBuffer payload = ByteBuffer.wrap("Hello".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer frame = ClientFrameWriter.frame(0x1, payload, 0x37fa213d, false);
        assertThat(bytes(frame)).containsExactly(
                hex(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58));
        assertThat(payload.remaining()).isEqualTo(5);
    }

    @Test
    void uses16BitLengthFrom126To65535Bytes() {
        ByteBuffer frame = ClientFrameWriter.frame(0x2, ByteBuffer.allocate(256), 0, false);
        assertThat(bytes(frame)).startsWith(hex(0x82, 0xFE, 0x01, 0x00, 0, 0, 0, 0));
        assertThat(frame.remaining()).isEqualTo(ClientFrameWriter.frameLength(256)).isEqualTo(8 + 256);
    }

    @Test
    void uses64BitLengthAbove65535Bytes() {
        ByteBuffer frame = ClientFrameWriter.frame(0x2, ByteBuffer.allocate(65536), 0, true);
        assertThat(bytes(frame)).startsWith(hex(0x82, 0xFF, 0, 0, 0, 0, 0, 1, 0, 0));
        assertThat(frame.remaining()).isEqualTo(14 + 65536);
    }

    @Test
    void masksEveryPayloadByteWithTheKeyByteOfItsPosition() {
        byte[] plain = new byte[21];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i * 7);
        }
        int key = 0xA1B2C3D4;
        byte[] frame = bytes(ClientFrameWriter.frame(0x2, ByteBuffer.wrap(plain), key, false));
        for (int i = 0; i < plain.length; i++) {
            assertThat((byte) (frame[6 + i] ^ frame[2 + (i & 3)])).as("byte %d", i).isEqualTo(plain[i]);
        }
    }

    @Test
    void writesTheFragmentsOfRfc6455Section5_7WithFinOnlyOnTheLast() {
        ByteBuffer first = ByteBuffer.allocate(ClientFrameWriter.frameLength(3));
        ClientFrameWriter.write(first, false, ClientFrameWriter.OP_TEXT,
                ByteBuffer.wrap("Hel".getBytes(StandardCharsets.US_ASCII)), 0);
        ByteBuffer last = ByteBuffer.allocate(ClientFrameWriter.frameLength(2));
        ClientFrameWriter.write(last, true, ClientFrameWriter.OP_CONTINUATION,
                ByteBuffer.wrap("lo".getBytes(StandardCharsets.US_ASCII)), 0);
        assertThat(bytes(first.flip())).containsExactly(hex(0x01, 0x83, 0, 0, 0, 0, 0x48, 0x65, 0x6c));
        assertThat(bytes(last.flip())).containsExactly(hex(0x80, 0x82, 0, 0, 0, 0, 0x6c, 0x6f));
    }
}
