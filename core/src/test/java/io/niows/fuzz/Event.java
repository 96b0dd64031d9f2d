package io.niows.fuzz;

import io.niows.CloseCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One event a decoder or engine reported, comparable by value.
 *
 * @param kind what was received
 * @param value the text of a text message, the close reason, or the bytes of any other payload
 *     one char per byte (Latin-1), which keeps them comparable at one byte of heap per byte
 * @param code the close code; 0 for other events
 */
record Event(Kind kind, String value, int code) {

    enum Kind { TEXT, BINARY, PING, PONG, CLOSE }

    static Event bytes(Kind kind, ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        return new Event(kind, new String(bytes, StandardCharsets.ISO_8859_1), 0);
    }

    static Event close(int code, String reason) {
        return new Event(Kind.CLOSE, reason, code);
    }

    /** The payload as it travels in a frame: UTF-8 for text, the close code then the reason. */
    byte[] payload() {
        return switch (kind) {
            case TEXT -> value.getBytes(StandardCharsets.UTF_8);
            case CLOSE -> closeBody();
            default -> value.getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private byte[] closeBody() {
        if (code == CloseCode.NO_STATUS_RECEIVED) {
            return new byte[0];
        }
        byte[] reason = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array();
    }

    boolean isControl() {
        return kind == Kind.PING || kind == Kind.PONG || kind == Kind.CLOSE;
    }
}
