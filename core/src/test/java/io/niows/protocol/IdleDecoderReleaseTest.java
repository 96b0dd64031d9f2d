package io.niows.protocol;

import static io.niows.protocol.TestFrames.client;
import static io.niows.protocol.TestFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WebSocketEngine#releaseIdleDecoder()}: the decoder goes only while it holds nothing of the
 * peer's stream, and what arrives after it went is decoded as if it had stayed.
 */
class IdleDecoderReleaseTest {

    @Test
    void betweenMessagesTheDecoderGoesAndTheNextMessageIsDecodedAsBefore() {
        EngineHarness h = EngineHarness.server().receive(client(0x1, true, utf8("one")));
        assertThat(h.engine.releaseIdleDecoder()).isTrue();
        assertThat(h.engine.releaseIdleDecoder()).as("nothing left to let go").isFalse();
        assertThat(h.engine.framesReceived()).as("counted anew").isZero();
        h.receive(client(0x1, true, utf8("two")), client(0x9, true, utf8("p")));
        assertThat(h.events()).containsExactly("text:one", "text:two", "ping:70");
        assertThat(h.sentFrames()).containsExactly("pong:70");
        assertThat(h.engine.framesReceived()).isEqualTo(2);
    }

    @Test
    void aFragmentedMessageInProgressKeepsTheDecoder() {
        EngineHarness h = EngineHarness.server().receive(client(0x1, false, utf8("Hel")));
        assertThat(h.engine.releaseIdleDecoder()).isFalse();
        h.receive(client(0x0, true, utf8("lo")));
        assertThat(h.events()).containsExactly("text:Hello");
        assertThat(h.engine.releaseIdleDecoder()).isTrue();
    }

    @Test
    void aFrameWhosePayloadIsStillArrivingKeepsTheDecoder() {
        byte[] frame = client(0x2, true, new byte[300]);
        EngineHarness h = EngineHarness.server().receive(Arrays.copyOf(frame, 100));
        assertThat(h.engine.releaseIdleDecoder()).isFalse();
        h.receive(Arrays.copyOfRange(frame, 100, frame.length));
        assertThat(h.events()).containsExactly("binary:" + "00".repeat(300));
    }

    @Test
    void aHalfReadHeaderWaitsWithTheCallerSoTheDecoderMayGo() {
        byte[] frame = client(0x1, true, utf8("after"));
        EngineHarness h = EngineHarness.server().receive(client(0x1, true, utf8("before")), Arrays.copyOf(frame, 3));
        assertThat(h.leftoverBytes()).isEqualTo(3);
        assertThat(h.engine.releaseIdleDecoder()).isTrue();
        h.receive(Arrays.copyOfRange(frame, 3, frame.length));
        assertThat(h.events()).containsExactly("text:before", "text:after");
    }

    @Test
    void pausedInputKeepsTheDecoder() {
        EngineHarness h = EngineHarness.server().receive(client(0x1, true, utf8("one")));
        h.engine.pauseInput();
        assertThat(h.engine.releaseIdleDecoder()).isFalse();
        h.engine.resumeInput();
        assertThat(h.engine.releaseIdleDecoder()).isTrue();
        h.engine.pauseInput();
        ByteBuffer in = ByteBuffer.wrap(client(0x1, true, utf8("two")));
        h.engine.receive(in);
        assertThat(h.events()).as("a decoder made while paused is paused").containsExactly("text:one");
        h.engine.resumeInput();
        h.engine.receive(in);
        assertThat(h.events()).containsExactly("text:one", "text:two");
    }

    @Test
    void withPermessageDeflateTheDecoderStays() {
        HandshakeRequest request = HandshakeRequest.client("h", 80, "/", List.of(), List.of(),
                PerMessageDeflate.clientDefaults());
        EnginePair pair = new EnginePair(request, EngineConfig.server(), r -> HandshakeAnswer.accept(null)).connect();
        pair.client.engine.sendText("compressed, maybe with context");
        pair.pump();
        assertThat(pair.server.listener.events()).contains("text:compressed, maybe with context");
        assertThat(pair.server.engine.releaseIdleDecoder()).isFalse();
    }
}
