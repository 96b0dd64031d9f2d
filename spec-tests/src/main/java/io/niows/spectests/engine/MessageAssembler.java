package io.niows.spectests.engine;

import io.niows.spectests.wire.Opcode;
import io.niows.spectests.wire.Utf8Validator;
import java.io.ByteArrayOutputStream;

/**
 * Reassembles a fragmented message (section 5.4), its frames' payloads already inflated when
 * the message was compressed, and validates text as it arrives, failing at the first invalid
 * byte. Not thread-safe; one per session.
 */
final class MessageAssembler {
    private ByteArrayOutputStream data;
    private boolean binary;
    private boolean compressed;
    private Utf8Validator utf8;

    boolean inMessage() {
        return data != null;
    }

    boolean binary() {
        return binary;
    }

    /** Whether the message being assembled was sent compressed (RSV1 on its first frame). */
    boolean compressed() {
        return compressed;
    }

    /** Starts a message with its first frame's opcode. */
    void start(int opcode, boolean isCompressed) {
        data = new ByteArrayOutputStream();
        binary = opcode == Opcode.BINARY;
        compressed = isCompressed;
        utf8 = binary ? null : new Utf8Validator();
    }

    /** Adds a frame's (inflated) payload; false when the text so far is not valid UTF-8. */
    boolean add(byte[] payload, boolean fin) {
        data.writeBytes(payload);
        if (utf8 == null) {
            return true;
        }
        return utf8.feed(payload) && (!fin || utf8.isComplete());
    }

    /** Returns the finished message and forgets it. */
    byte[] take() {
        byte[] out = data.toByteArray();
        data = null;
        utf8 = null;
        return out;
    }
}
