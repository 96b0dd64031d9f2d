package io.niows.protocol;

import io.niows.internal.frame.CloseCodes;
import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.frame.SecureMaskingKeys;
import io.niows.internal.frame.WireFormat;
import java.nio.ByteBuffer;

/**
 * Encodes single frames (RFC 6455 §5.2) outside any engine: for sends from foreign threads, and
 * for broadcast, where a server frame is encoded once and its bytes sent to many connections
 * (server frames are unmasked, so they are the same bytes for everyone).
 *
 * <p>Stateless and thread-safe. A {@link Role#CLIENT} frame is masked with a key from the default
 * secure source. Each method returns a new buffer of exactly the frame's size, ready to read;
 * payload buffers are read between position and limit without moving either. No RFC rule is
 * checked beyond the frame's shape and a close frame's code: sending what is valid is the
 * caller's business.
 */
public final class FrameEncoding {

    private static final FrameEncoder SERVER = new FrameEncoder(false, SecureMaskingKeys.shared());
    private static final FrameEncoder CLIENT = new FrameEncoder(true, SecureMaskingKeys.shared());

    private FrameEncoding() {}

    /**
     * Encodes a final text frame.
     *
     * @param text the message, carried in UTF-8 (an unpaired surrogate becomes '?')
     * @param role the side that sends the frame: a client's is masked
     * @return the frame
     */
    public static ByteBuffer text(CharSequence text, Role role) {
        return encoder(role).text(text);
    }

    /**
     * Encodes a final binary frame.
     *
     * @param payload the message, from position to limit
     * @param role the side that sends the frame: a client's is masked
     * @return the frame
     */
    public static ByteBuffer binary(ByteBuffer payload, Role role) {
        return encoder(role).encode(WireFormat.OPCODE_BINARY, true, payload);
    }

    /**
     * Encodes any frame.
     *
     * @param opcode the frame's opcode, 0 to 15 (RFC 6455 §5.2)
     * @param fin whether the frame is the last of its message
     * @param payload the frame's payload, from position to limit
     * @param role the side that sends the frame: a client's is masked
     * @return the frame
     * @throws IllegalArgumentException if {@code opcode} is not 0 to 15
     */
    public static ByteBuffer frame(int opcode, boolean fin, ByteBuffer payload, Role role) {
        return encoder(role).encode(opcode, fin, payload);
    }

    /**
     * Encodes a close frame with {@code code} and {@code reason} (RFC 6455 §5.5.1).
     *
     * @param code the close code
     * @param reason the close reason
     * @param role the side that sends the frame: a client's is masked
     * @return the frame
     * @throws IllegalArgumentException if {@link io.niows.CloseCode#maySend} refuses the code or the reason
     *     is longer than 123 UTF-8 bytes
     */
    public static ByteBuffer close(int code, String reason, Role role) {
        if (!CloseCodes.validInCloseFrame(code)) {
            throw new IllegalArgumentException("close code may not be sent: " + code);
        }
        return encoder(role).close(code, reason);
    }

    private static FrameEncoder encoder(Role role) {
        return role == Role.CLIENT ? CLIENT : SERVER;
    }
}
