package io.niows.internal.frame;

import static io.niows.protocol.TestFrames.RFC_KEY;
import static io.niows.protocol.TestFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.protocol.FrameEncoding;
import io.niows.protocol.Role;
import io.niows.protocol.TestFrames;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame encoder: lengths at every boundary, masking, fragmentation, writing into a given buffer. */
class FrameEncoderTest {

    private final FrameEncoder server = new FrameEncoder(false, () -> RFC_KEY);
    private final FrameEncoder client = new FrameEncoder(true, () -> RFC_KEY);

    @Test
    void encodesTheSameBytesAsTheReferenceBuilderAtEveryLengthBoundary() {
        for (int length : new int[] {0, 1, 125, 126, 127, 65535, 65536, 65537}) {
            byte[] payload = new byte[length];
            new java.util.Random(length).nextBytes(payload);
            assertThat(server.encode(0x2, true, ByteBuffer.wrap(payload)))
                    .as("server, %d bytes", length).isEqualTo(ByteBuffer.wrap(TestFrames.frame(0x82, payload, null)));
            assertThat(client.encode(0x2, false, ByteBuffer.wrap(payload)))
                    .as("client, %d bytes", length).isEqualTo(ByteBuffer.wrap(TestFrames.frame(0x02, payload, RFC_KEY)));
        }
    }

    @Test
    void leavesThePayloadPositionAlone() {
        ByteBuffer payload = ByteBuffer.wrap(TestFrames.utf8("Hello"));
        client.encode(0x1, true, payload);
        assertThat(payload.position()).isZero();
        assertThat(payload.array()).isEqualTo(TestFrames.utf8("Hello"));
    }

    @Test
    void copiesThePayloadFromWhereItLiesIntoWhereTheFrameGoes() {
        byte[] around = "..Hello..".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer expected = ByteBuffer.wrap(hex("81 05 48 65 6c 6c 6f"));
        ByteBuffer slice = ByteBuffer.wrap(around, 1, 7).slice().position(1).limit(6); // array offset 1, position 1
        ByteBuffer dst = ByteBuffer.allocate(12).position(3).slice().position(2); // array offset 3, position 2
        assertThat(server.encode(0x1, true, slice, dst)).isTrue();
        assertThat(dst.flip().position(2)).isEqualTo(expected);
        assertThat(slice.position()).isEqualTo(1);
        for (ByteBuffer payload : List.of(ByteBuffer.wrap(around, 2, 5).asReadOnlyBuffer(),
                ByteBuffer.allocateDirect(5).put(around, 2, 5).flip())) {
            assertThat(server.encode(0x1, true, payload)).as(payload.toString()).isEqualTo(expected);
            ByteBuffer direct = ByteBuffer.allocateDirect(7);
            assertThat(server.encode(0x1, true, payload, direct)).isTrue();
            assertThat(direct.flip()).as(payload.toString()).isEqualTo(expected);
        }
    }

    @Test
    void writesNothingWhenTheGivenBufferIsTooSmall() {
        ByteBuffer dst = ByteBuffer.allocate(10);
        assertThat(client.encode(0x1, true, ByteBuffer.wrap(TestFrames.utf8("Hello")), dst)).isFalse();
        assertThat(dst.position()).isZero();
        ByteBuffer exact = ByteBuffer.allocate(11).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(client.encode(0x1, true, ByteBuffer.wrap(TestFrames.utf8("Hello")), exact)).isTrue();
        assertThat(exact.flip()).isEqualTo(ByteBuffer.wrap(hex("81 85 37 fa 21 3d 7f 9f 4d 51 58")));
    }

    @Test
    void fragmentsALargeMessageOnRequest() {
        ByteBuffer frames = server.encodeFragmented(0x1, ByteBuffer.wrap(TestFrames.utf8("Hello")), 3);
        assertThat(frames).isEqualTo(ByteBuffer.wrap(hex("01 03 48 65 6c 80 02 6c 6f")));
        assertThat(TestFrames.describe(List.of(server.encodeFragmented(0x2, ByteBuffer.allocate(0), 3))))
                .containsExactly("binary:");
        assertThat(TestFrames.describe(List.of(client.encodeFragmented(0x2, ByteBuffer.allocate(7), 3))))
                .containsExactly("binary:000000+nofin+masked", "cont:000000+nofin+masked", "cont:00+masked");
    }

    @Test
    void refusesAnOpcodeOutsideFourBitsAndTheReservedBits() {
        assertThatThrownBy(() -> server.encode(0x80, true, ByteBuffer.allocate(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.encode(0x101, true, ByteBuffer.allocate(0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.encode(0x41, true, ByteBuffer.allocate(0))).isEqualTo(ByteBuffer.wrap(hex("c1 00")));
    }

    @Test
    void encodesTextAsUtf8WithUnpairedSurrogatesReplaced() {
        assertThat(TestFrames.describe(List.of(server.text("h\u00e9\uD83D\uDE00")))).containsExactly("text:h\u00e9\uD83D\uDE00");
        assertThat(TestFrames.describe(List.of(server.text("a\uD800b")))).containsExactly("text:a?b");
    }

    @Test
    void publicFrameEncodingMatchesTheEncoderForServersAndMasksForClients() {
        assertThat(FrameEncoding.text("Hello", Role.SERVER)).isEqualTo(ByteBuffer.wrap(hex("81 05 48 65 6c 6c 6f")));
        assertThat(FrameEncoding.binary(ByteBuffer.wrap(new byte[] {1, 2}), Role.SERVER)).isEqualTo(ByteBuffer.wrap(hex("82 02 01 02")));
        assertThat(FrameEncoding.frame(0x9, true, ByteBuffer.allocate(0), Role.SERVER)).isEqualTo(ByteBuffer.wrap(hex("89 00")));
        ByteBuffer masked = FrameEncoding.text("Hello", Role.CLIENT);
        assertThat(masked.remaining()).isEqualTo(11);
        assertThat(TestFrames.describe(List.of(masked))).containsExactly("text:Hello+masked");
    }
}
