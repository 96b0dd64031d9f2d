package io.niows.protocol;

import static io.niows.protocol.TestFrames.client;
import static io.niows.protocol.TestFrames.closePayload;
import static io.niows.protocol.TestFrames.concat;
import static io.niows.protocol.Violations.assertFailedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.CloseCode;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455 §7.4 status codes and §5.5.1 close frame bodies, as the engine receives and sends
 * them. The codes themselves are pinned in {@code io.niows.CloseCodeTest}.
 */
class Rfc6455Section7_4CloseCodesTest {

    /** The codes valid on the wire: 1000-1003, 1007-1014, 3000-4999. */
    private static boolean allowed(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    @Test
    void aCloseFrameWithEachCodeFrom0To5100IsEchoedOrFailsWith1002() {
        for (int code = 0; code <= 5100; code++) {
            EngineHarness h = EngineHarness.server().receive(client(0x8, true, closePayload(code, "")));
            if (allowed(code)) {
                assertThat(h.sentFrames()).as("code %d", code).containsExactly("close:" + code);
                assertThat(h.events()).containsExactly("close:" + code);
                assertThat(h.engine.closedByPeer()).isTrue();
            } else {
                assertThat(h.sentFrames()).as("code %d", code).containsExactly("close:1002:invalid close code " + code);
                assertThat(h.events()).isEmpty();
            }
        }
    }

    @Test
    void aCloseFrameWithA1BytePayloadFailsWith1002() {
        EngineHarness h = EngineHarness.server().receive(client(0x8, true, new byte[] {0x03}));
        assertFailedWith(h, CloseCode.PROTOCOL_ERROR);
        assertThat(h.events()).isEmpty();
    }

    @Test
    void aCloseReasonThatIsNotUtf8FailsWith1007() {
        byte[] payload = concat(closePayload(1000, "ok"), TestFrames.hex("ed a0 80"));
        EngineHarness h = EngineHarness.server().receive(client(0x8, true, payload));
        assertFailedWith(h, CloseCode.INVALID_PAYLOAD);
    }

    @Test
    void aCloseReasonEndingInsideAUtf8SequenceFailsWith1007() {
        byte[] payload = concat(closePayload(1000, "ok"), TestFrames.hex("e2 82"));
        assertFailedWith(EngineHarness.server().receive(client(0x8, true, payload)), CloseCode.INVALID_PAYLOAD);
    }

    @Test
    void aUtf8CloseReasonIsReported() {
        EngineHarness h = EngineHarness.server().receive(client(0x8, true, closePayload(4000, "bye \u20ac")));
        assertThat(h.events()).containsExactly("close:4000:bye \u20ac");
        assertThat(h.engine.closeReason()).isEqualTo("bye \u20ac");
    }

    @Test
    void closingWithACodeThatMayNotBeSentOrATooLongReasonIsRefused() {
        EngineHarness h = EngineHarness.server();
        for (int reportedOnly : new int[] {1005, 1006, 1015}) {
            assertThatThrownBy(() -> h.engine.close(reportedOnly, "")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> h.engine.fail(reportedOnly, "")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> h.engine.close(1000, "x".repeat(124))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.engine.close(1000, "\u20ac".repeat(42))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameEncoding.close(1006, "", Role.SERVER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.sent).isEmpty();
        h.engine.close(1000, "x".repeat(123));
        assertThat(h.sent).hasSize(1);
        assertThat(h.sent.get(0).remaining()).isEqualTo(2 + 125);
    }

    @Test
    void frameEncodingWritesACloseFrame() {
        assertThat(FrameEncoding.close(1001, "bye", Role.SERVER))
                .isEqualTo(ByteBuffer.wrap(TestFrames.hex("88 05 03 e9 62 79 65")));
    }
}
