package io.niows.protocol;

import java.io.IOException;

/**
 * The peer broke RFC 6455, so this side failed the connection (§7.1.7) with {@link #closeCode()}:
 * 1002 protocol error, 1007 invalid payload data, 1009 message too big. The message is the reason
 * sent in that close frame. Given to {@link EngineListener#onProtocolViolation} and, on a niows
 * connection, to {@code WebSocketHandler.onError}, before the close is reported.
 *
 * <p>Immutable and thread-safe.
 */
public final class WebSocketProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The close code sent for the violation. */
    private final int closeCode;

    WebSocketProtocolException(int closeCode, String reason) {
        super(reason);
        this.closeCode = closeCode;
    }

    /** {@return the close code the connection was failed with: 1002, 1007 or 1009} */
    public int closeCode() {
        return closeCode;
    }
}
