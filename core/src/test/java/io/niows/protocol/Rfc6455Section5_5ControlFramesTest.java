package io.niows.protocol;

import static io.niows.protocol.TestFrames.client;
import static io.niows.protocol.TestFrames.frame;
import static io.niows.protocol.TestFrames.server;
import static io.niows.protocol.TestFrames.utf8;
import static io.niows.protocol.Violations.assertFailedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.CloseCode;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 6455 §5.5 control frames: ping, pong, and the rules common to all control frames. */
class Rfc6455Section5_5ControlFramesTest {

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {0x8, 0x9, 0xA})
    void aControlFrameOver125BytesFailsWith1002(int opcode) {
        EngineHarness h = EngineHarness.server().receive(client(opcode, true, new byte[126]));
        assertFailedWith(h, CloseCode.PROTOCOL_ERROR);
        assertThat(h.events()).isEmpty();
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {0x8, 0x9, 0xA})
    void aFragmentedControlFrameFailsWith1002(int opcode) {
        EngineHarness h = EngineHarness.client().receive(server(opcode, false, new byte[0]));
        assertFailedWith(h, CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void aPingOf125BytesIsAnsweredWithAPongWithTheSamePayload() {
        byte[] payload = new byte[125];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        EngineHarness h = EngineHarness.server().receive(client(0x9, true, payload));
        String hex = TestFrames.hex(ByteBuffer.wrap(payload));
        assertThat(h.sentFrames()).containsExactly("pong:" + hex);
        assertThat(h.events()).containsExactly("ping:" + hex);
    }

    @Test
    void aClientAnswersAPingWithAMaskedPong() {
        EngineHarness h = EngineHarness.client().receive(server(0x9, true, utf8("Hello")));
        assertThat(h.sentFrames()).containsExactly("pong:48656c6c6f+masked");
        assertThat(h.sent.get(0)).isEqualTo(ByteBuffer.wrap(TestFrames.hex("8a 85 37 fa 21 3d 7f 9f 4d 51 58")));
    }

    @Test
    void withAutoPongOffAPingIsOnlyReported() {
        EngineHarness h = new EngineHarness(EngineConfig.server().withAutoPong(false)).receive(client(0x9, true, utf8("x")));
        assertThat(h.sent).isEmpty();
        assertThat(h.events()).containsExactly("ping:78");
    }

    @Test
    void anUnsolicitedPongIsOnlyReported() {
        EngineHarness h = EngineHarness.server().receive(client(0xA, true, utf8("beat")));
        assertThat(h.sent).isEmpty();
        assertThat(h.events()).containsExactly("pong:62656174");
        assertThat(h.engine.state()).isEqualTo(ConnectionState.OPEN);
    }

    @Test
    void sendingAPingOver125BytesIsRefused() {
        EngineHarness h = EngineHarness.server();
        assertThatThrownBy(() -> h.engine.sendPing(ByteBuffer.allocate(126))).isInstanceOf(IllegalArgumentException.class);
        h.engine.sendPing(ByteBuffer.allocate(125));
        assertThat(h.sent).hasSize(1);
    }

    @Test
    void pingsMayStillBeSentAndAnsweredWhileClosing() {
        EngineHarness h = EngineHarness.server();
        h.engine.close(CloseCode.NORMAL_CLOSURE, "");
        h.engine.sendPing(ByteBuffer.wrap(utf8("p")));
        h.receive(frame(0x89, utf8("q"), TestFrames.RFC_KEY));
        assertThat(h.sentFrames()).containsExactly("close:1000", "ping:70", "pong:71");
        assertThat(h.events()).containsExactly("ping:71");
    }
}
