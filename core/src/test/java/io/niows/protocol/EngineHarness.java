package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Drives one engine as a reactor would: keeps the unconsumed header bytes and prepends them. */
public final class EngineHarness {

    public final RecordingListener listener = new RecordingListener();
    public final List<ByteBuffer> sent = new ArrayList<>();
    public final WebSocketEngine engine;
    /** Whether the engine's first output is an HTTP head (it runs the opening handshake). */
    private final boolean handshakes;
    private byte[] leftover = new byte[0];

    public EngineHarness(EngineConfig config) {
        this(h -> new WebSocketEngine(config, h.listener, h.sent::add), false);
    }

    private EngineHarness(Function<EngineHarness, WebSocketEngine> engineFactory, boolean handshakes) {
        this.engine = engineFactory.apply(this);
        this.handshakes = handshakes;
    }

    public static EngineHarness server() {
        return new EngineHarness(EngineConfig.server());
    }

    public static EngineHarness client() {
        return new EngineHarness(EngineConfig.client().withMaskingKeys(() -> TestFrames.RFC_KEY));
    }

    /** A server's engine that reads the opening request and asks {@code responder}. */
    public static EngineHarness handshakingServer(EngineConfig config, HandshakeResponder responder) {
        return new EngineHarness(h -> WebSocketEngine.server(config, responder, h.listener, h.sent::add), true);
    }

    /** A client's engine that sends {@code request} at {@link WebSocketEngine#start()}. */
    public static EngineHarness handshakingClient(HandshakeRequest request) {
        EngineConfig config = EngineConfig.client().withMaskingKeys(() -> TestFrames.RFC_KEY);
        return new EngineHarness(h -> WebSocketEngine.client(config, request, h.listener, h.sent::add), true);
    }

    /** Feeds each chunk in turn, as separate reads from the socket. */
    public EngineHarness receive(byte[]... chunks) {
        for (byte[] chunk : chunks) {
            ByteBuffer in = ByteBuffer.wrap(TestFrames.concat(leftover, chunk));
            engine.receive(in);
            assertThat(in.remaining()).as("bytes left unconsumed").isLessThanOrEqualTo(13);
            leftover = new byte[in.remaining()];
            in.get(leftover);
        }
        return this;
    }

    /** Feeds {@code bytes} one byte per read. */
    public EngineHarness receiveByteByByte(byte[] bytes) {
        for (byte b : bytes) {
            receive(new byte[] {b});
        }
        return this;
    }

    public List<String> events() {
        return listener.events();
    }

    /** The frames sent, after the HTTP head of an engine that runs the opening handshake. */
    public List<String> sentFrames() {
        return TestFrames.describe(handshakes && !sent.isEmpty() ? sent.subList(1, sent.size()) : sent);
    }

    /** The HTTP head (and body) an engine that runs the opening handshake wrote first, as ISO-8859-1 text. */
    public String sentHead() {
        assertThat(handshakes).as("an engine that runs the opening handshake").isTrue();
        assertThat(sent).as("something was written").isNotEmpty();
        return StandardCharsets.ISO_8859_1.decode(sent.get(0).duplicate()).toString();
    }

    public int leftoverBytes() {
        return leftover.length;
    }
}
