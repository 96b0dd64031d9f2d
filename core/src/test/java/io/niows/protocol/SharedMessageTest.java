package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.frame.MessageDeflater;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** A message sent to many connections is encoded once, and compressed once per window. */
class SharedMessageTest {

    private static final String TEXT = "{\"event\":\"say\",\"text\":\"" + "compress me once ".repeat(10) + "\"}";
    private static final PerMessageDeflate SETTINGS = PerMessageDeflate.serverDefaults();

    @Test
    void aHundredReceiversWithOneWindowShareOneCompressedFrame() throws Exception {
        SharedMessage message = SharedMessage.text(TEXT, true);
        List<ByteBuffer> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add(message.frameFor(deflating(15)));
        }
        assertThat(message.compressedFramesMade()).isEqualTo(1);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.isReadOnly()).isTrue();
            assertThat(f.get(0) & 0xFF).as("FIN, RSV1, text").isEqualTo(0xC1);
        });
        assertThat(inflate(frames.get(99))).isEqualTo(TEXT);
    }

    @Test
    void anotherWindowMakesASecondFrameAndPlainReceiversGetThePlainOne() throws Exception {
        SharedMessage message = SharedMessage.text(TEXT, false);
        ByteBuffer full = message.frameFor(deflating(15));
        ByteBuffer small = message.frameFor(deflating(9));
        ByteBuffer plain = message.frameFor(new Outbound(SERVER, false, true, null));
        message.frameFor(deflating(9));
        message.frameFor(deflating(15));
        assertThat(message.compressedFramesMade()).isEqualTo(2);
        assertThat(inflate(full)).isEqualTo(TEXT);
        assertThat(inflate(small)).isEqualTo(TEXT);
        assertThat(plain).isEqualTo(message.plainFrame());
        assertThat(plain.get(0) & 0xFF).isEqualTo(0x81);
    }

    @Test
    void aShortMessageIsPlainForEveryone() {
        SharedMessage message = SharedMessage.text("hi", false);
        assertThat(message.frameFor(deflating(15))).isEqualTo(message.plainFrame());
        assertThat(message.compressedFramesMade()).isZero();
    }

    @Test
    void aClientsFrontCannotShare() {
        assertThatThrownBy(() -> SharedMessage.text(TEXT, false)
                .frameFor(new Outbound(new FrameEncoder(true, () -> 1), true, true, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final FrameEncoder SERVER = new FrameEncoder(false, () -> 0);

    private static Outbound deflating(int windowBits) {
        Outbound outbound = new Outbound(SERVER, false, false, null);
        MessageDeflater shared = SETTINGS.independentDeflater(windowBits);
        outbound.opened(shared, shared, SETTINGS.minSize());
        return outbound;
    }

    private static String inflate(ByteBuffer frame) throws Exception {
        ByteBuffer f = frame.duplicate();
        int length = f.get(1) & 0x7F;
        int at = 2;
        if (length == 126) {
            length = f.getShort(2) & 0xFFFF;
            at = 4;
        }
        byte[] payload = new byte[length + 4];
        f.position(at);
        f.get(payload, 0, length);
        payload[length + 2] = (byte) 0xff;
        payload[length + 3] = (byte) 0xff;
        Inflater inflater = new Inflater(true);
        inflater.setInput(payload);
        byte[] out = new byte[4096];
        int n = inflater.inflate(out);
        inflater.end();
        return new String(out, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
}
