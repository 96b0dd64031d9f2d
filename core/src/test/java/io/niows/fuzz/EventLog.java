package io.niows.fuzz;

import io.niows.fuzz.Event.Kind;
import io.niows.internal.frame.FrameEvents;
import io.niows.protocol.EngineListener;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Records every event of an engine or a decoder as an {@link Event}, in order. */
final class EventLog implements EngineListener, FrameEvents {

    final List<Event> events = new ArrayList<>();

    @Override
    public void onText(String text) {
        events.add(new Event(Kind.TEXT, text, 0));
    }

    @Override
    public void onBinary(ByteBuffer data) {
        events.add(Event.bytes(Kind.BINARY, data));
    }

    /** The fuzzed decoders take whole messages: a chunk is a bug. */
    @Override
    public void onBinaryChunk(ByteBuffer chunk, boolean last) {
        throw new AssertionError("a chunk from a decoder that takes whole messages");
    }

    @Override
    public void onTextChunk(CharSequence chunk, boolean last) {
        throw new AssertionError("a chunk from a decoder that takes whole messages");
    }

    @Override
    public void onPing(ByteBuffer payload) {
        events.add(Event.bytes(Kind.PING, payload));
    }

    @Override
    public void onPong(ByteBuffer payload) {
        events.add(Event.bytes(Kind.PONG, payload));
    }

    @Override
    public void onCloseReceived(int code, String reason) {
        events.add(Event.close(code, reason));
    }
}
