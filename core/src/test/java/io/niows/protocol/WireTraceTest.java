package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.protocol.TracedFrame.Direction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WireTrace} on the RFC 6455 §5.7 examples, fed one byte at a time, and the engine's trace
 * of a client: its frames masked with the keys it drew, its automatic pong after the ping that
 * caused it.
 */
class WireTraceTest {

    private static final HexFormat HEX = HexFormat.of();

    private final List<TracedFrame> frames = new ArrayList<>();
    private final List<String> heads = new ArrayList<>();
    private final FrameTrace hook = new FrameTrace() {
        @Override
        public void onFrame(TracedFrame frame) {
            frames.add(frame);
        }

        @Override
        public void onHandshake(Direction direction, String head) {
            heads.add(direction + " " + head);
        }
    };

    private void feedBytewise(WireTrace trace, String hex) {
        byte[] bytes = HEX.parseHex(hex.replace(" ", ""));
        for (byte b : bytes) {
            trace.feed(new byte[] {b}, 0, 1);
        }
    }

    @Test
    void theSection57ExamplesReadInAnySplit() {
        WireTrace trace = new WireTrace(hook, Direction.IN, false);
        feedBytewise(trace, "81 05 48 65 6c 6c 6f");
        feedBytewise(trace, "81 85 37 fa 21 3d 7f 9f 4d 51 58");
        feedBytewise(trace, "01 03 48 65 6c 80 02 6c 6f");
        feedBytewise(trace, "89 05 48 65 6c 6c 6f 8a 85 37 fa 21 3d 7f 9f 4d 51 58");
        feedBytewise(trace, "82 7e 01 00" + "00".repeat(256));
        feedBytewise(trace, "82 7f 00 00 00 00 00 01 00 00" + "00".repeat(65536));

        assertThat(frames).extracting(TracedFrame::opcodeName).containsExactly("text", "text", "text",
                "continuation", "ping", "pong", "binary", "binary");
        assertThat(frames).extracting(TracedFrame::offset).containsExactly(0L, 7L, 18L, 23L, 27L, 34L, 45L, 305L);
        assertThat(frames).extracting(TracedFrame::lengthBits).containsExactly(7, 7, 7, 7, 7, 7, 16, 64);
        assertThat(frames).extracting(TracedFrame::payloadLength).containsExactly(5L, 5L, 3L, 2L, 5L, 5L, 256L,
                65536L);
        assertThat(frames).extracting(TracedFrame::fin).containsExactly(true, true, false, true, true, true, true,
                true);
        assertThat(frames.get(0).masked()).isFalse();
        assertThat(frames.get(1).masked()).isTrue();
        assertThat(frames.get(1).maskingKey()).isEqualTo(0x37fa213d);
        assertThat(frames.get(1).headerHex()).isEqualTo("81 85 37 fa 21 3d");
        assertThat(new String(frames.get(1).preview(), StandardCharsets.UTF_8)).isEqualTo("Hello");
        assertThat(new String(frames.get(5).preview(), StandardCharsets.UTF_8)).isEqualTo("Hello");
        assertThat(frames.get(7).headerHex()).isEqualTo("82 7f 00 00 00 00 00 01 00 00");
        assertThat(frames.get(7).preview()).hasSize(WireTrace.PREVIEW_BYTES);
        assertThat(frames.get(7).previewComplete()).isFalse();
    }

    @Test
    void aCloseFrameShowsItsCodeReasonAndMeaning() {
        WireTrace trace = new WireTrace(hook, Direction.OUT, false);
        feedBytewise(trace, "88 05 03 e9 62 79 65 88 00 88 02 03 ec");
        assertThat(frames).extracting(TracedFrame::closeCode).containsExactly(1001, 1005, 1004);
        assertThat(frames.get(0).closeReason()).isEqualTo("bye");
        assertThat(frames).extracting(TracedFrame::closeMeaning).containsExactly("going away",
                "no status code (the close frame carried none)", "not allowed in a close frame");
    }

    @Test
    void aSixtyFourBitLengthWithItsTopBitSetEndsTheTrace() {
        WireTrace trace = new WireTrace(hook, Direction.IN, false);
        feedBytewise(trace, "82 7f 80 00 00 00 00 00 00 01 81 00");
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).payloadLength()).isNegative();
        assertThat(frames.get(0).payloadLengthText()).isEqualTo("9223372036854775809");
    }

    @Test
    void aHeadSplitAnywhereIsReportedWholeAndTheFramesAfterItCountFromZero() {
        WireTrace trace = new WireTrace(hook, Direction.IN, true);
        String request = "GET /chat HTTP/1.1\r\nHost: a\r\nX: \r\n\r\n";
        feedBytewise(trace, HEX.formatHex(request.getBytes(StandardCharsets.US_ASCII)) + "81 05 48 65 6c 6c 6f");
        assertThat(heads).containsExactly("IN " + request);
        assertThat(frames).extracting(TracedFrame::offset).containsExactly(0L);
        assertThat(new String(frames.get(0).preview(), StandardCharsets.UTF_8)).isEqualTo("Hello");
    }

    @Test
    void aRefusalsBodyIsNotReadAsFrames() {
        WireTrace trace = new WireTrace(hook, Direction.IN, true);
        byte[] refusal = "HTTP/1.1 400 Bad Request\r\nContent-Length: 3\r\n\r\nbad".getBytes(StandardCharsets.US_ASCII);
        trace.feed(refusal, 0, refusal.length);
        assertThat(heads).containsExactly("IN HTTP/1.1 400 Bad Request\r\nContent-Length: 3\r\n\r\n");
        assertThat(frames).isEmpty();
    }

    @Test
    void aClientEngineTracesItsMaskedFramesAndThePongAfterThePing() {
        EngineConfig config = EngineConfig.client().withMaskingKeys(() -> 0x37fa213d).withTrace(hook);
        List<ByteBuffer> written = new ArrayList<>();
        WebSocketEngine engine = new WebSocketEngine(config, new RecordingListener(), written::add);
        engine.sendText("Hello");
        engine.receive(ByteBuffer.wrap(HEX.parseHex("89 05 48 65 6c 6c 6f".replace(" ", ""))));
        engine.close(1000, "");

        assertThat(frames).extracting(f -> f.direction() + " " + f.opcodeName() + " " + f.headerHex())
                .containsExactly("OUT text 81 85 37 fa 21 3d", "IN ping 89 05", "OUT pong 8a 85 37 fa 21 3d",
                        "OUT close 88 82 37 fa 21 3d");
        assertThat(written).hasSize(3);
        assertThat(new String(frames.get(2).preview(), StandardCharsets.UTF_8)).isEqualTo("Hello");
    }

    @Test
    void theHookCarriesThroughEveryCopyOfTheConfiguration() {
        EngineConfig config = EngineConfig.server();
        assertThat(config.trace()).isNull();
        assertThat(config.withTrace(hook).trace()).isSameAs(hook);
        assertThat(config.withTrace(hook).withMaxFrameSize(10).trace()).isSameAs(hook);
    }
}
