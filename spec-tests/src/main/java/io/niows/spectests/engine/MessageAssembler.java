package io.niows.spectests.engine;

import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.Opcode;
import io.niows.spectests.wire.Utf8Validator;
import java.io.ByteArrayOutputStream;

/**
 * Reassembles a fragmented message (section 5.4) and validates text as it arrives, failing
 * at the first invalid byte. Not thread-safe; one per session.
 */
final class MessageAssembler {
    private ByteArrayOutputStream data;
    private boolean binary;
    private Utf8Validator utf8;

    boolean inMessage() {
        return data != null;
    }

    boolean binary() {
        return binary;
    }

    /** Adds a data frame; false when the text so far is not valid UTF-8. */
    boolean add(Frame f) {
        if (f.opcode() != Opcode.CONTINUATION) {
            data = new ByteArrayOutputStream();
            binary = f.opcode() == Opcode.BINARY;
            utf8 = binary ? null : new Utf8Validator();
        }
        data.writeBytes(f.payload());
        if (utf8 == null) {
            return true;
        }
        return utf8.feed(f.payload()) && (!f.fin() || utf8.isComplete());
    }

    /** Returns the finished message and forgets it. */
    byte[] take() {
        byte[] out = data.toByteArray();
        data = null;
        utf8 = null;
        return out;
    }
}
