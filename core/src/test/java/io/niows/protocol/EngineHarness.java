package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Drives one engine as a reactor would: keeps the unconsumed header bytes and prepends them. */
public final class EngineHarness {

    public final RecordingListener listener = new RecordingListener();
    public final List<ByteBuffer> sent = new ArrayList<>();
    public final WebSocketEngine engine;
    private byte[] leftover = new byte[0];

    public EngineHarness(EngineConfig config) {
        engine = new WebSocketEngine(config, listener, sent::add);
    }

    public static EngineHarness server() {
        return new EngineHarness(EngineConfig.server());
    }

    public static EngineHarness client() {
        return new EngineHarness(EngineConfig.client().withMaskingKeys(() -> TestFrames.RFC_KEY));
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

    public List<String> events() {
        return listener.events();
    }

    public List<String> sentFrames() {
        return TestFrames.describe(sent);
    }

    public int leftoverBytes() {
        return leftover.length;
    }
}
