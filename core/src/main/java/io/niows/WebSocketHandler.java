package io.niows;

import io.niows.protocol.SendResult;
import java.nio.ByteBuffer;

/**
 * The application's side of WebSocket connections: every method has a default that does
 * nothing, so a handler overrides only what it needs.
 *
 * <p>One handler may serve many connections. All callbacks for one connection run on that
 * connection's loop thread, one at a time, so a handler needs no lock for a connection's own
 * state. A callback that blocks stalls every connection of its loop: hand blocking work to an
 * executor and send the answer from there (sends are thread-safe). A callback that throws, an
 * {@link Error} included, closes its connection with 1011 (the throwable is logged and given to
 * {@link #onError}, never sent to the peer); the loop and its other connections go on.
 */
public interface WebSocketHandler {

    /**
     * The opening handshake is done; the connection can send.
     *
     * @param ws the connection
     */
    default void onOpen(WebSocket ws) {
    }

    /**
     * A complete text message arrived.
     *
     * @param ws the connection it came on
     * @param text the message, its fragments joined and checked as UTF-8
     */
    default void onText(WebSocket ws, String text) {
    }

    /**
     * A complete binary message arrived.
     *
     * @param ws the connection it came on
     * @param data the message, its fragments joined; the buffer belongs to the handler
     */
    default void onBinary(WebSocket ws, ByteBuffer data) {
    }

    /**
     * A ping arrived; its pong has already been queued.
     *
     * @param ws the connection it came on
     * @param payload the ping's application data, at most 125 bytes
     */
    default void onPing(WebSocket ws, ByteBuffer payload) {
    }

    /**
     * A pong arrived.
     *
     * @param ws the connection it came on
     * @param payload the pong's application data, at most 125 bytes
     */
    default void onPong(WebSocket ws, ByteBuffer payload) {
    }

    /**
     * The queued bytes fell to the low-water mark after a send had reported
     * {@link SendResult#QUEUED_ABOVE_HIGH_WATER}: producing can resume. It is never lost, but it
     * may run before that send has returned to a sender on another thread (the loop can write the
     * whole queue at once), so such a sender must not pause after it has already been resumed.
     *
     * @param ws the connection that can take more
     */
    default void onWritable(WebSocket ws) {
    }

    /**
     * The connection is closed and its TCP connection gone. Called once per opened connection.
     *
     * @param ws the connection
     * @param code the peer's close code, 1005 if its close frame had none, the code this side
     *     failed the connection with, or 1006 if the TCP connection ended without a close frame:
     *     always one {@link CloseCode#mayReceive} allows
     * @param reason the reason that went with the code, empty if none
     * @param remote {@code true} if the peer started the close (or dropped the connection)
     */
    default void onClose(WebSocket ws, int code, String reason, boolean remote) {
    }

    /**
     * Something went wrong on an opened connection. Called on the connection's loop thread, before
     * its {@link #onClose} (which always follows), in these three cases and no other:
     * <ol>
     *   <li>the peer broke the protocol: a {@link io.niows.protocol.WebSocketProtocolException}
     *       carrying the close code the connection was failed with (1002, 1007, 1009);
     *   <li>reading or writing its socket failed (a reset, a broken pipe): the
     *       {@link java.io.IOException}; the connection is dropped and {@code onClose} gets 1006;
     *   <li>one of this handler's callbacks threw ({@code onOpen}, {@code onText},
     *       {@code onBinary}, {@code onPing}, {@code onPong}, {@code onWritable}): that exception
     *       or {@link Error}; the connection is closed with 1011, the exception's text is not sent.
     * </ol>
     * It is not called for a close either side starts, for a timeout (handshake, idle, keep-alive,
     * close), for the send-queue limit (1008), a {@link Broadcaster} eviction (1008), the server's
     * memory budget (1013), a shutdown (1001), a refused or failed opening handshake (the
     * connection never opened), nor for an exception thrown by {@code onClose}, by {@code onError}
     * itself or by a send callback: those are logged at WARNING. A connection may see more than
     * one case (a handler exception, then an I/O error while it closes); each is told once.
     *
     * @param ws the connection
     * @param error what went wrong
     */
    default void onError(WebSocket ws, Throwable error) {
    }
}
