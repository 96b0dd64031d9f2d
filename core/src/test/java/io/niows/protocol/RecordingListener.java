package io.niows.protocol;

import io.niows.internal.frame.FrameEvents;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Records the events an engine or decoder reports, as short strings such as {@code "text:Hello"}. */
public class RecordingListener implements EngineListener, FrameEvents {

    private final List<String> events = new ArrayList<>();
    private final List<WebSocketProtocolException> violations = new ArrayList<>();
    private final List<WebSocketHandshakeException> handshakeFailures = new ArrayList<>();

    public List<String> events() {
        return events;
    }

    /** The violations reported, kept apart from {@link #events()}: none of those follows one. */
    public List<WebSocketProtocolException> violations() {
        return violations;
    }

    /** The failed handshakes reported; no event follows one. */
    public List<WebSocketHandshakeException> handshakeFailures() {
        return handshakeFailures;
    }

    /** Recorded as {@code "open"}, so that the events a handshake's buffer carried are seen to follow it. */
    @Override
    public void onOpen() {
        events.add("open");
    }

    @Override
    public void onHandshakeFailed(WebSocketHandshakeException failure) {
        handshakeFailures.add(failure);
    }

    @Override
    public void onText(String text) {
        events.add("text:" + text);
    }

    @Override
    public void onBinary(ByteBuffer data) {
        events.add("binary:" + TestFrames.hex(data));
    }

    @Override
    public void onBinaryChunk(ByteBuffer chunk, boolean last) {
        events.add("binary-chunk:" + TestFrames.hex(chunk) + (last ? ":last" : ""));
    }

    @Override
    public void onTextChunk(CharSequence chunk, boolean last) {
        events.add("text-chunk:" + chunk + (last ? ":last" : ""));
    }

    @Override
    public void onPing(ByteBuffer payload) {
        events.add("ping:" + TestFrames.hex(payload));
    }

    @Override
    public void onPong(ByteBuffer payload) {
        events.add("pong:" + TestFrames.hex(payload));
    }

    @Override
    public void onCloseReceived(int code, String reason) {
        events.add("close:" + code + (reason.isEmpty() ? "" : ":" + reason));
    }

    @Override
    public void onProtocolViolation(WebSocketProtocolException violation) {
        violations.add(violation);
    }
}
