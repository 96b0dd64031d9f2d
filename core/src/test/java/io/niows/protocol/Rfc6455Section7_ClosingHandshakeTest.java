package io.niows.protocol;

import static io.niows.protocol.TestFrames.client;
import static io.niows.protocol.TestFrames.closePayload;
import static io.niows.protocol.TestFrames.concat;
import static io.niows.protocol.TestFrames.server;
import static io.niows.protocol.TestFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.CloseCode;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** RFC 6455 §7 closing the connection: the close handshake, failing, and who closes TCP. */
class Rfc6455Section7_ClosingHandshakeTest {

    @Test
    void aNewEngineIsOpenAndWouldReport1006() {
        EngineHarness h = EngineHarness.server();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.OPEN);
        assertThat(h.engine.closeCode()).isEqualTo(CloseCode.ABNORMAL_CLOSURE);
        assertThat(h.engine.transportShouldClose()).isFalse();
    }

    @Test
    void aPeerCloseIsEchoedWithItsCodeAndTheServerClosesTcp() {
        EngineHarness h = EngineHarness.server().receive(client(0x8, true, closePayload(1001, "going")));
        assertThat(h.sentFrames()).containsExactly("close:1001");
        assertThat(h.events()).containsExactly("close:1001:going");
        assertThat(h.engine.closedByPeer()).isTrue();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(h.engine.transportShouldClose()).isTrue();
        assertThat(h.engine.closeCode()).isEqualTo(1001);
    }

    @Test
    void anEmptyPeerCloseIsAnsweredWithAnEmptyCloseAndReportedAs1005() {
        EngineHarness h = EngineHarness.server().receive(client(0x8, true, new byte[0]));
        assertThat(h.sentFrames()).containsExactly("close");
        assertThat(h.events()).containsExactly("close:1005");
        assertThat(h.engine.closeCode()).isEqualTo(CloseCode.NO_STATUS_RECEIVED);
    }

    @Test
    void aClientAnswersAPeerCloseButWaitsForTheServerToCloseTcp() {
        EngineHarness h = EngineHarness.client().receive(server(0x8, true, closePayload(1000, "")));
        assertThat(h.sentFrames()).containsExactly("close:1000+masked");
        assertThat(h.engine.transportShouldClose()).isFalse();
        h.engine.transportClosed();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(h.engine.closeCode()).isEqualTo(1000);
    }

    @Test
    void aServerThatStartedTheCloseClosesTcpWhenTheEchoArrives() {
        EngineHarness h = EngineHarness.server();
        h.engine.close(CloseCode.GOING_AWAY, "restart");
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSING);
        assertThat(h.engine.transportShouldClose()).isFalse();
        h.receive(client(0x8, true, closePayload(1001, "")));
        assertThat(h.sentFrames()).containsExactly("close:1001:restart");
        assertThat(h.engine.transportShouldClose()).isTrue();
        assertThat(h.engine.closedByPeer()).isFalse();
        assertThat(h.events()).containsExactly("close:1001");
    }

    @Test
    void aClientThatStartedTheCloseWaitsForTheServerAfterTheEcho() {
        EngineHarness h = EngineHarness.client();
        h.engine.close(CloseCode.NORMAL_CLOSURE, "");
        h.receive(server(0x8, true, closePayload(1000, "")));
        assertThat(h.engine.transportShouldClose()).isFalse();
        assertThat(h.sentFrames()).containsExactly("close:1000+masked");
    }

    @Test
    void dataAfterAReceivedCloseIsIgnored() {
        EngineHarness h = EngineHarness.server().receive(concat(client(0x8, true, closePayload(1000, "")),
                client(0x1, true, utf8("late")), client(0x9, true, utf8("p"))));
        h.receive(client(0x1, true, utf8("later")));
        assertThat(h.events()).containsExactly("close:1000");
        assertThat(h.sentFrames()).containsExactly("close:1000");
    }

    @Test
    void dataAfterASentCloseIsIgnoredButControlFramesAreNot() {
        EngineHarness h = EngineHarness.server();
        h.engine.close(1000, "");
        h.receive(client(0x1, true, utf8("late")), client(0xA, true, utf8("p")), client(0x8, true, closePayload(1000, "")));
        assertThat(h.events()).containsExactly("pong:70", "close:1000");
    }

    @Test
    void sendingDataAfterACloseIsRefusedAndASecondCloseIsANoOp() {
        EngineHarness h = EngineHarness.server();
        h.engine.close(1000, "");
        h.engine.close(1001, "");
        assertThat(h.engine.sendText("x")).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(h.engine.sendBinary(ByteBuffer.allocate(1))).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(h.engine.sendFragment(true, ByteBuffer.allocate(1), true)).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(h.engine.outbound().isOpen()).isFalse();
        assertThat(h.engine.sendPing(ByteBuffer.allocate(0))).as("control frames still go while closing")
                .isEqualTo(SendResult.QUEUED);
        assertThat(h.sentFrames()).containsExactly("close:1000", "ping:");
    }

    @Test
    void failWith1011SendsTheCodeWithoutDetailsAndClosesTcpAtOnce() {
        for (EngineHarness h : new EngineHarness[] {EngineHarness.server(), EngineHarness.client()}) {
            h.engine.fail(CloseCode.INTERNAL_ERROR, "");
            assertThat(h.sentFrames().get(0)).startsWith("close:1011");
            assertThat(h.sentFrames().get(0)).doesNotContain(":1011:");
            assertThat(h.engine.transportShouldClose()).isTrue();
            assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSING);
            h.receive(concat(client(0x1, true, utf8("x")), server(0x1, true, utf8("x"))));
            assertThat(h.events()).isEmpty();
            h.engine.transportClosed();
            assertThat(h.engine.closeCode()).isEqualTo(CloseCode.INTERNAL_ERROR);
        }
    }

    @Test
    void failAfterACloseWasSentSendsNothingMoreButClosesTcp() {
        EngineHarness h = EngineHarness.client();
        h.engine.close(1000, "");
        h.engine.fail(CloseCode.INTERNAL_ERROR, "");
        assertThat(h.sent).hasSize(1);
        assertThat(h.engine.transportShouldClose()).isTrue();
    }

    @Test
    void aListenerThatThrowsFailsTheConnectionWith1011AndTheErrorReachesTheCaller() {
        RuntimeException boom = new IllegalStateException("secret detail");
        java.util.List<ByteBuffer> sent = new java.util.ArrayList<>();
        RecordingListener throwing = new RecordingListener() {
            @Override
            public void onText(String text) {
                throw boom;
            }
        };
        WebSocketEngine engine = new WebSocketEngine(EngineConfig.server(), throwing, sent::add);
        ByteBuffer in = ByteBuffer.wrap(concat(client(0x1, true, utf8("x")), client(0x9, true, utf8("p"))));
        assertThatThrownBy(() -> engine.receive(in)).isSameAs(boom);
        assertThat(TestFrames.describe(sent)).containsExactly("close:1011");
        assertThat(throwing.events()).isEmpty();
        assertThat(engine.transportShouldClose()).isTrue();
    }

    @Test
    void aFailFromInsideACallbackStopsTheRestOfTheInput() {
        java.util.List<ByteBuffer> sent = new java.util.ArrayList<>();
        WebSocketEngine[] engine = new WebSocketEngine[1];
        RecordingListener failing = new RecordingListener() {
            @Override
            public void onText(String text) {
                super.onText(text);
                engine[0].fail(CloseCode.POLICY_VIOLATION, "no");
            }
        };
        engine[0] = new WebSocketEngine(EngineConfig.server(), failing, sent::add);
        engine[0].receive(ByteBuffer.wrap(concat(client(0x1, true, utf8("a")), client(0x1, true, utf8("b")))));
        assertThat(failing.events()).containsExactly("text:a");
        assertThat(TestFrames.describe(sent)).containsExactly("close:1008:no");
    }

    @Test
    void theTransportClosingWithoutACloseFrameReports1006() {
        EngineHarness h = EngineHarness.server();
        h.engine.close(1000, "");
        h.engine.transportClosed();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(h.engine.closeCode()).isEqualTo(CloseCode.ABNORMAL_CLOSURE);
        assertThat(h.engine.sendPing(ByteBuffer.allocate(0))).isEqualTo(SendResult.REFUSED_CLOSED);
        h.receive(client(0x1, true, utf8("x")));
        assertThat(h.events()).isEmpty();
    }

    @Test
    void fragmentsAreSentAsTextThenContinuationsAndOtherMessagesWaitForTheLast() {
        EngineHarness h = EngineHarness.server();
        h.engine.sendFragment(true, ByteBuffer.wrap(utf8("Hel")), false);
        assertThat(h.engine.sendText("x")).isEqualTo(SendResult.REFUSED_BUSY);
        assertThatThrownBy(() -> h.engine.sendFragment(false, ByteBuffer.wrap(utf8("l")), false))
                .isInstanceOf(IllegalArgumentException.class);
        h.engine.sendPing(ByteBuffer.allocate(0));
        h.engine.sendFragment(true, ByteBuffer.wrap(utf8("lo")), true);
        h.engine.sendBinary(ByteBuffer.wrap(new byte[] {1}));
        assertThat(h.sentFrames()).containsExactly("text:Hel+nofin", "ping:", "cont:6c6f", "binary:01");
    }
}
